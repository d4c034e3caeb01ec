using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Runtime;

namespace ModelGate.Onnx.Sessions;

/// <summary>
/// Applies --device to session options. CUDA is appended only when the runtime found every piece it needs (see
/// <see cref="Gpu.CudaReadiness"/>); otherwise auto falls back to CPU with the missing piece as the reason, and an
/// explicit cuda request fails with it (an environment error).
/// </summary>
internal static class ExecutionProviders
{
    public static DeviceChoice Apply(OnnxRuntime runtime, SessionOptions options, SessionSettings settings)
    {
        var request = settings.Device;
        if (request.Kind == DeviceKind.Cpu)
        {
            return DeviceChoice.OnCpu("CPU requested");
        }

        var cuda = runtime.Cuda;
        if (!cuda.Ready)
        {
            return Unavailable(request, cuda.NotRequested ? "ONNX Runtime was opened for the CPU only" : cuda.Reason,
                cuda.Fix ?? "open ONNX Runtime with the device you ask the model for, or run with --device cpu.");
        }

        var id = request.CudaDeviceId;
        if (id >= cuda.Devices.Count)
        {
            return Unavailable(request, string.Create(CultureInfo.InvariantCulture, $"the driver reports {cuda.Devices.Count} CUDA device(s) ({string.Join(", ", cuda.Devices)})"),
                "name a device the driver reports (cuda:0 is the first), or run with --device cpu.");
        }

        try
        {
            using var cudaOptions = OrtErrors.Call("CreateCUDAProviderOptions", () => new OrtCUDAProviderOptions());
            OrtErrors.Call("UpdateCUDAProviderOptions", () => cudaOptions.UpdateOptions(new Dictionary<string, string> { ["device_id"] = id.ToString(CultureInfo.InvariantCulture) }));
            OrtErrors.Call("SessionOptionsAppendExecutionProvider_CUDA_V2", () => options.AppendExecutionProvider_CUDA(cudaOptions));
        }
        catch (OrtException ex)
        {
            return Unavailable(request, $"the CUDA provider in {cuda.GpuBuildFolder} did not load: {ex.Summary}",
                "install the CUDA and cuDNN versions docs/gpu.md lists for this ONNX Runtime, or run with --device cpu.");
        }

        var device = cuda.Devices[id];
        return new DeviceChoice("cuda:" + id.ToString(CultureInfo.InvariantCulture), "CUDAExecutionProvider", $"CUDA provider loaded from {cuda.GpuBuildFolder}; {device}")
        {
            Gpu = device,
        };
    }

    private static DeviceChoice Unavailable(DeviceRequest request, string reason, string fix) =>
        request.Kind == DeviceKind.Auto
            ? DeviceChoice.OnCpu(reason + "; using CPU")
            : throw new OnnxRuntimeUnavailableException($"--device {request} cannot be used: {reason}.", fix);
}
