using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;

namespace ModelGate.Onnx.Runtime;

/// <summary>
/// Receives ORT's log lines through the environment's logging function and hands them to the registered ModelGate
/// sinks. Process-wide because ORT's environment is a process-wide singleton whose logger is fixed when it is created.
/// Without a sink, lines are dropped, never written to the terminal.
/// </summary>
internal static class OrtLogRouter
{
    private static readonly ConcurrentDictionary<long, Action<OnnxLogLevel, string>> Sinks = new();
    private static long _nextId;

    /// <summary>The logging function given to the environment (kept in a static so the delegate is never collected).</summary>
    public static DOrtLoggingFunction Callback { get; } = OnLog;

    public static long Register(Action<OnnxLogLevel, string> sink)
    {
        var id = Interlocked.Increment(ref _nextId);
        Sinks[id] = sink;
        return id;
    }

    public static void Unregister(long id) => Sinks.TryRemove(id, out _);

    /// <summary>
    /// ORT's level, except for its graph optimizers giving up on part of a graph ("Transpose optimizer failed:
    /// Unsupported ONNX opset: 1"): the model still runs as written, so that is information, not a warning.
    /// </summary>
    internal static OnnxLogLevel LevelOf(OnnxLogLevel level, string message) =>
        level == OnnxLogLevel.Warning && message.StartsWith("Transpose optimizer failed", StringComparison.Ordinal)
            ? OnnxLogLevel.Info
            : level;

    private static void OnLog(nint param, OrtLoggingLevel severity, string category, string logId, string codeLocation, string message)
    {
        // An exception must never unwind into native code.
        try
        {
            var line = string.IsNullOrEmpty(category) || category == "onnxruntime" ? message : $"[{category}] {message}";
            var level = LevelOf((OnnxLogLevel)Math.Clamp((int)severity, 0, 4), message);
            foreach (var sink in Sinks.Values)
            {
                sink(level, line);
            }
        }
#pragma warning disable CA1031 // a logging sink failure must not crash ORT
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
