using ModelGate.Core.Text;

namespace ModelGate.Policy.Model;

/// <summary>
/// How holdout columns become one named model input: a list of columns, a glob over the header (<c>p*</c>),
/// optionally reshaped per row (e.g. <c>[1, 8, 8]</c>).
/// </summary>
/// <param name="Name">The ONNX input name.</param>
/// <param name="Columns">Explicit columns, in order; null when <see cref="Pattern"/> is used.</param>
/// <param name="Pattern">A glob (<c>*</c>, <c>?</c>) over the header, matched in header order; null when <see cref="Columns"/> is used.</param>
/// <param name="Shape">Per-row shape (without the batch dimension); null means a flat vector.</param>
internal sealed record InputSpec(string Name, IReadOnlyList<string>? Columns, string? Pattern, IReadOnlyList<int>? Shape)
{
    /// <summary>The columns this input reads, given the holdout header.</summary>
    public IReadOnlyList<string> Resolve(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return Columns ?? [.. header.Where(h => Glob.Matches(Pattern!, h))];
    }
}

/// <summary>The whole inputs mapping.</summary>
/// <param name="Inputs">Named inputs; empty when <see cref="PerColumn"/> is set or when all feature columns feed the model's single input.</param>
/// <param name="PerColumn">One input per column, named after the column.</param>
/// <param name="PerColumnColumns">With <see cref="PerColumn"/>: the columns (or a glob); null means every column except label, id and weight.</param>
internal sealed record InputsMapping(IReadOnlyList<InputSpec> Inputs, bool PerColumn, InputSpec? PerColumnColumns)
{
    /// <summary>True when the policy says nothing: every feature column (not label, id, weight) feeds the single input, in header order.</summary>
    public bool AllFeatures => Inputs.Count == 0 && !PerColumn;
}
