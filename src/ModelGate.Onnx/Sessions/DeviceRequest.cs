using System.Globalization;

namespace ModelGate.Onnx.Sessions;

/// <summary>Which device the user asked for.</summary>
internal enum DeviceKind
{
    /// <summary>CUDA when it really loads, else CPU (recording why).</summary>
    Auto,

    /// <summary>CPU only.</summary>
    Cpu,

    /// <summary>CUDA, or an error saying why it cannot be used.</summary>
    Cuda,
}

/// <summary>The --device value: auto, cpu, cuda or cuda:N.</summary>
internal sealed record DeviceRequest(DeviceKind Kind, int CudaDeviceId = 0)
{
    /// <summary>auto.</summary>
    public static DeviceRequest Auto { get; } = new(DeviceKind.Auto);

    /// <summary>cpu.</summary>
    public static DeviceRequest Cpu { get; } = new(DeviceKind.Cpu);

    /// <summary>cuda:N.</summary>
    public static DeviceRequest Cuda(int deviceId = 0) => new(DeviceKind.Cuda, deviceId);

    /// <summary>Parses auto | cpu | cuda | cuda:N (case-insensitive); null on anything else.</summary>
    public static DeviceRequest? TryParse(string? text)
    {
        var value = (text ?? string.Empty).Trim().ToLowerInvariant();
        if (value is "auto" or "")
        {
            return Auto;
        }

        if (value == "cpu")
        {
            return Cpu;
        }

        if (value == "cuda")
        {
            return Cuda();
        }

        return value.StartsWith("cuda:", StringComparison.Ordinal)
            && int.TryParse(value.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Cuda(id)
            : null;
    }

    /// <summary>auto, cpu or cuda:N.</summary>
    public override string ToString() => Kind switch
    {
        DeviceKind.Auto => "auto",
        DeviceKind.Cpu => "cpu",
        _ => "cuda:" + CudaDeviceId.ToString(CultureInfo.InvariantCulture),
    };
}
