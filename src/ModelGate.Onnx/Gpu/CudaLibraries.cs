namespace ModelGate.Onnx.Gpu;

/// <summary>
/// The CUDA libraries ONNX Runtime's CUDA build needs, by file name on this OS. Read from Microsoft.ML.OnnxRuntime.Gpu.Linux
/// 1.31.0: libonnxruntime_providers_cuda.so is linked against CUDA 13 (DT_NEEDED libcublasLt.so.13, libcublas.so.13,
/// libcudart.so.13, libcurand.so.10, libcuda.so.1) and loads cuDNN 9 (libcudnn.so.9) at run time.
/// </summary>
internal static class CudaLibraries
{
    /// <summary>The CUDA major version the supported ORT build is linked with.</summary>
    public const int CudaMajor = 13;

    /// <summary>The cuDNN major version it loads.</summary>
    public const int CudnnMajor = 9;

    /// <summary>The toolkit's runtime libraries, the one ORT fails on first listed first.</summary>
    public static IReadOnlyList<string> Toolkit =>
        OperatingSystem.IsWindows()
            ? ["cublasLt64_13.dll", "cublas64_13.dll", "cudart64_13.dll", "curand64_10.dll"]
            : ["libcublasLt.so.13", "libcublas.so.13", "libcudart.so.13", "libcurand.so.10"];

    /// <summary>cuDNN's main library.</summary>
    public static string Cudnn => OperatingSystem.IsWindows() ? "cudnn64_9.dll" : "libcudnn.so.9";

    /// <summary>The driver's CUDA library.</summary>
    public static string Driver => OperatingSystem.IsWindows() ? "nvcuda.dll" : "libcuda.so.1";
}
