using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ModelGate.Onnx.Runtime;

namespace ModelGate.Onnx.Native;

/// <summary>
/// Receives ORT's log lines through the logging callback and hands them to the registered ModelGate sinks.
/// It is process-wide because ORT's OrtEnv is a process-wide singleton: the first CreateEnv fixes the callback,
/// later ones share it, so the callback must outlive any one runtime object. Without a sink, lines are dropped,
/// never written to the terminal.
/// </summary>
internal static unsafe class OrtLogRouter
{
    private static readonly ConcurrentDictionary<long, Action<OnnxLogLevel, string>> Sinks = new();
    private static long _nextId;

    /// <summary>The callback pointer to pass to CreateEnvWithCustomLogger.</summary>
    public static nint Callback => (nint)(delegate* unmanaged[Cdecl]<nint, int, byte*, byte*, byte*, byte*, void>)&OnLog;

    public static long Register(Action<OnnxLogLevel, string> sink)
    {
        var id = Interlocked.Increment(ref _nextId);
        Sinks[id] = sink;
        return id;
    }

    public static void Unregister(long id) => Sinks.TryRemove(id, out _);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(nint param, int severity, byte* category, byte* logId, byte* codeLocation, byte* message)
    {
        // An exception must never unwind into native code.
        try
        {
            var text = Marshal.PtrToStringUTF8((nint)message) ?? string.Empty;
            var source = Marshal.PtrToStringUTF8((nint)category);
            var line = string.IsNullOrEmpty(source) ? text : $"[{source}] {text}";
            foreach (var sink in Sinks.Values)
            {
                sink((OnnxLogLevel)Math.Clamp(severity, 0, 4), line);
            }
        }
#pragma warning disable CA1031 // a logging sink failure must not crash ORT
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
