using ModelGate.Onnx.Gpu;

namespace ModelGate.Onnx.Sessions;

/// <summary>The device a session actually runs on, its execution provider, why it was chosen, and for CUDA the device itself.</summary>
internal sealed record DeviceChoice(string Device, string Provider, string Reason)
{
    /// <summary>The CUDA device's name and memory; null on the CPU.</summary>
    public CudaDevice? Gpu { get; init; }

    internal static DeviceChoice OnCpu(string reason) => new("cpu", "CPUExecutionProvider", reason);
}
