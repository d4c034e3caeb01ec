namespace ModelGate.Onnx.Gpu;

/// <summary>One CUDA device as the driver reports it.</summary>
internal sealed record CudaDevice(int Index, string Name, long MemoryBytes)
{
    /// <summary>E.g. "cuda:0 NVIDIA H100 80GB HBM3 (79.2 GiB)".</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cuda:{Index} {Name} ({MemoryBytes / (1024.0 * 1024 * 1024):0.0} GiB)");
}
