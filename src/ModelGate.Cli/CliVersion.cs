using System.Reflection;

namespace ModelGate.Cli;

/// <summary>ModelGate's own version and the ONNX Runtime version it was built with.</summary>
public static class CliVersion
{
    /// <summary>ModelGate's version (without the source-revision suffix).</summary>
    public static string ModelGate { get; } =
        (typeof(CliVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0")
        .Split('+')[0];
}
