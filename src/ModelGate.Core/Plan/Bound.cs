namespace ModelGate.Core.Plan;

/// <summary>An absolute bound on a value: at least, at most, or both.</summary>
internal sealed record Bound(double? AtLeast = null, double? AtMost = null)
{
    /// <summary>True when neither side is set.</summary>
    public bool IsEmpty => AtLeast is null && AtMost is null;
}
