using ModelGate.Onnx.Signature;

namespace ModelGate.Onnx.Outputs;

/// <summary>
/// An output declared [1, N]: one value per input row, laid along a single row (a [N, 1] column transposed, as some
/// exporters write it). Unambiguous because the first dimension is fixed at 1 and the second varies with the batch,
/// so it is read as [N, 1]; a [1, K] output with K fixed is left as it is.
/// </summary>
internal static class RowOutput
{
    /// <summary>True when <paramref name="port"/> is a tensor declared [1, N] with N dynamic.</summary>
    public static bool IsRowOutput(this ModelPort port) =>
        port.Type is TensorValueType { Shape: [{ Size: 1 }, { IsDynamic: true }] };
}
