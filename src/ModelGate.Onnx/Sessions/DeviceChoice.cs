namespace ModelGate.Onnx.Sessions;

/// <summary>The device a session actually runs on, its execution provider, and why it was chosen (for the report).</summary>
public sealed record DeviceChoice(string Device, string Provider, string Reason)
{
    internal static DeviceChoice OnCpu(string reason) => new("cpu", "CPUExecutionProvider", reason);
}
