namespace ModelGate.Core.Plan;

/// <summary>Where something was written in the policy file (1-based line and column), for errors and annotations.</summary>
internal sealed record SourceLocation(string File, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
