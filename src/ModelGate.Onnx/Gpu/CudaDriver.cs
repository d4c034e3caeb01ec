using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace ModelGate.Onnx.Gpu;

/// <summary>What the CUDA driver API says: its CUDA version and devices, or the CUresult that stopped it.</summary>
internal sealed record DriverReport(int? CudaVersion, IReadOnlyList<CudaDevice> Devices, int InitResult, string? Problem);

/// <summary>
/// Asks a loaded driver library (libcuda.so.1 / nvcuda.dll) for its version and devices through six driver API calls.
/// This is CUDA's API, not ORT's: ORT cannot say whether a device exists without creating a session on it.
/// </summary>
internal static unsafe class CudaDriver
{
    private const int CudaErrorNoDevice = 100;

    public static DriverReport Query(nint driver, string where)
    {
        if (!TryExport(driver, "cuInit", out var init) || !TryExport(driver, "cuDriverGetVersion", out var getVersion)
            || !TryExport(driver, "cuDeviceGetCount", out var getCount) || !TryExport(driver, "cuDeviceGet", out var getDevice)
            || !TryExport(driver, "cuDeviceGetName", out var getName) || !TryExport(driver, "cuDeviceTotalMem_v2", out var totalMem))
        {
            return new DriverReport(null, [], -1, $"{where} does not export the CUDA driver API (cuInit, cuDeviceGetCount, ...)");
        }

        int version;
        var versionResult = ((delegate* unmanaged<int*, int>)getVersion)(&version);
        int? cudaVersion = versionResult == 0 ? version : null;
        var initResult = ((delegate* unmanaged<uint, int>)init)(0);
        if (initResult != 0)
        {
            var problem = initResult == CudaErrorNoDevice
                ? "no CUDA-capable device is detected (cuInit: CUDA_ERROR_NO_DEVICE)"
                : string.Create(CultureInfo.InvariantCulture, $"cuInit failed with CUresult {initResult}");
            return new DriverReport(cudaVersion, [], initResult, problem);
        }

        int count;
        if (((delegate* unmanaged<int*, int>)getCount)(&count) != 0 || count == 0)
        {
            return new DriverReport(cudaVersion, [], CudaErrorNoDevice, "no CUDA-capable device is detected (cuDeviceGetCount: 0)");
        }

        var devices = new List<CudaDevice>(count);
        var name = stackalloc byte[256];
        for (var i = 0; i < count; i++)
        {
            int device;
            nuint bytes = 0;
            if (((delegate* unmanaged<int*, int, int>)getDevice)(&device, i) != 0)
            {
                continue;
            }

            name[0] = 0;
            _ = ((delegate* unmanaged<byte*, int, int, int>)getName)(name, 256, device);
            _ = ((delegate* unmanaged<nuint*, int, int>)totalMem)(&bytes, device);
            var text = new ReadOnlySpan<byte>(name, 256);
            var end = text.IndexOf((byte)0);
            devices.Add(new CudaDevice(i, Encoding.UTF8.GetString(end < 0 ? text : text[..end]), (long)bytes));
        }

        return new DriverReport(cudaVersion, devices, 0, null);
    }

    /// <summary>E.g. 13000 → "13.0".</summary>
    public static string Display(int version) =>
        string.Create(CultureInfo.InvariantCulture, $"{version / 1000}.{version % 1000 / 10}");

    private static bool TryExport(nint library, string name, out nint address) => NativeLibrary.TryGetExport(library, name, out address);
}
