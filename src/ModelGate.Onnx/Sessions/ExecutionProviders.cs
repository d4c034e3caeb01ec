using System.Globalization;
using ModelGate.Onnx.Errors;
using ModelGate.Onnx.Native;
using ModelGate.Onnx.Runtime;

namespace ModelGate.Onnx.Sessions;

/// <summary>
/// Applies --device to session options. CUDA is tried only when its provider libraries are where ONNX Runtime will
/// load them (GetAvailableProviders lists what was compiled in, not what can load); auto falls back to CPU with the
/// reason, an explicit cuda request fails with it.
/// </summary>
internal static unsafe class ExecutionProviders
{
    public static DeviceChoice Apply(OnnxRuntime runtime, OrtSessionOptionsHandle options, SessionSettings settings)
    {
        var request = settings.Device;
        if (request.Kind == DeviceKind.Cpu)
        {
            return DeviceChoice.OnCpu("CPU requested");
        }

        var search = CudaProviderSearch.Find(runtime.LibraryPath, runtime.Version, settings);
        if (!search.BesideRuntime)
        {
            var files = string.Join(" + ", NativeLibraryNames.CudaProviderFiles);
            var reason = search.FoundElsewhere is null
                ? $"CUDA provider libraries ({files}) not found; looked {string.Join("; ", search.Looked)}"
                : $"CUDA provider libraries found in {search.FoundElsewhere}, but ONNX Runtime loads providers only from its own folder ({search.RuntimeFolder})";
            var fix = search.FoundElsewhere is null
                ? $"install the CUDA build of ONNX Runtime {runtime.Version} (NuGet Microsoft.ML.OnnxRuntime.Gpu.Linux) and point --onnxruntime at its runtimes/{NativeLibraryNames.Rid}/native folder, or run with --device cpu."
                : $"run with --onnxruntime {search.FoundElsewhere} (the folder also needs {NativeLibraryNames.OnnxRuntimeFile}), or --device cpu.";
            return Unavailable(request, reason, fix);
        }

        try
        {
            AppendCuda(runtime.Api, options, request.CudaDeviceId);
        }
        catch (OrtException ex)
        {
            return Unavailable(request, $"the CUDA provider in {search.RuntimeFolder} did not load: {ex.Summary}",
                "install the CUDA and cuDNN versions this ONNX Runtime build needs (see ONNX Runtime's CUDA requirements), or run with --device cpu.");
        }

        return new DeviceChoice(
            "cuda:" + request.CudaDeviceId.ToString(CultureInfo.InvariantCulture),
            "CUDAExecutionProvider",
            $"CUDA provider loaded from {search.RuntimeFolder}");
    }

    private static DeviceChoice Unavailable(DeviceRequest request, string reason, string fix) =>
        request.Kind == DeviceKind.Auto
            ? DeviceChoice.OnCpu(reason + "; using CPU")
            : throw new OnnxRuntimeUnavailableException($"--device {request} cannot be used: {reason}.", fix);

    private static void AppendCuda(OrtApi api, OrtSessionOptionsHandle options, int deviceId)
    {
        nint raw;
        api.Check(api.CreateCUDAProviderOptions(&raw), "CreateCUDAProviderOptions");
        using var cuda = new OrtCudaProviderOptionsHandle(api, raw);
        using var keys = new Utf8StringArray(["device_id"]);
        using var values = new Utf8StringArray([deviceId.ToString(CultureInfo.InvariantCulture)]);
        api.Check(api.UpdateCUDAProviderOptions(cuda.Pointer, keys.Pointer, values.Pointer, 1), "UpdateCUDAProviderOptions");
        api.Check(api.SessionOptionsAppendExecutionProvider_CUDA_V2(options.Pointer, cuda.Pointer), "SessionOptionsAppendExecutionProvider_CUDA_V2");
    }
}
