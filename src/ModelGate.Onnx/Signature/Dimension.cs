namespace ModelGate.Onnx.Signature;

/// <summary>One dimension of a tensor shape: a fixed size, a symbolic name (e.g. N, batch), or unknown.</summary>
internal sealed record Dimension(long? Size, string? Symbol)
{
    /// <summary>True when the size varies per call (symbolic or unknown).</summary>
    public bool IsDynamic => Size is null;

    /// <summary>The size, the symbol, or "?".</summary>
    public override string ToString() =>
        Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? (string.IsNullOrEmpty(Symbol) ? "?" : Symbol);
}
