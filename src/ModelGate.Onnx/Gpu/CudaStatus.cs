namespace ModelGate.Onnx.Gpu;

/// <summary>
/// Whether the CUDA provider can be used, and if not, exactly which piece is missing and how to get it. Made once per
/// ONNX Runtime, before the library is chosen, so a machine without CUDA never loads the CUDA build.
/// </summary>
internal sealed record CudaStatus
{
    /// <summary>True when the CUDA build, toolkit, cuDNN, driver and a device are all present.</summary>
    public bool Ready => Missing is null && !NotRequested;

    /// <summary>True when CPU was asked for, so nothing was probed.</summary>
    public bool NotRequested { get; init; }

    /// <summary>The first missing piece; null when ready (or not requested).</summary>
    public CudaPiece? Missing { get; init; }

    /// <summary>One line: what was found, or what is missing and where it was looked for.</summary>
    public required string Reason { get; init; }

    /// <summary>What the user can do about a missing piece; null when ready.</summary>
    public string? Fix { get; init; }

    /// <summary>The folder of the CUDA build of ONNX Runtime, when found.</summary>
    public string? GpuBuildFolder { get; init; }

    /// <summary>The CUDA devices the driver reports (empty unless the driver loaded).</summary>
    public IReadOnlyList<CudaDevice> Devices { get; init; } = [];

    /// <summary>The CUDA version the driver supports, e.g. 13.0; null unless the driver loaded.</summary>
    public string? DriverCudaVersion { get; init; }

    internal static CudaStatus CpuRequested { get; } = new() { NotRequested = true, Reason = "CPU requested" };

    internal static CudaStatus Lacking(CudaPiece piece, string reason, string fix, string? buildFolder = null) =>
        new() { Missing = piece, Reason = reason, Fix = fix, GpuBuildFolder = buildFolder };
}
