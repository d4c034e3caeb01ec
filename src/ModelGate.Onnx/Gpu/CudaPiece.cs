namespace ModelGate.Onnx.Gpu;

/// <summary>The pieces the CUDA provider needs, in the order they are checked; the first one missing is reported.</summary>
internal enum CudaPiece
{
    /// <summary>The CUDA build of ONNX Runtime (Microsoft.ML.OnnxRuntime.Gpu.Linux/Windows with libonnxruntime_providers_cuda).</summary>
    GpuBuild,

    /// <summary>The CUDA toolkit's runtime libraries (cudart, cuBLAS, cuBLASLt, cuRAND) of the major version the build was linked with.</summary>
    Toolkit,

    /// <summary>cuDNN, which the CUDA provider loads at run time.</summary>
    Cudnn,

    /// <summary>The NVIDIA driver (libcuda.so.1 / nvcuda.dll), new enough for the toolkit.</summary>
    Driver,

    /// <summary>A CUDA-capable device the driver can see.</summary>
    Device,
}
