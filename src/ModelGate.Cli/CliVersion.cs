namespace ModelGate.Cli;

/// <summary>ModelGate's own version and the ONNX Runtime version it was built with.</summary>
internal static class CliVersion
{
    /// <summary>ModelGate's version (without the source-revision suffix).</summary>
    public static string ModelGate => Engine.GateVersion.ModelGate;
}
