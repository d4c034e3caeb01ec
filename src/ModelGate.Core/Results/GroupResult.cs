namespace ModelGate.Core.Results;

/// <summary>A metric on one group of one slice, candidate vs baseline.</summary>
internal sealed record GroupResult
{
    /// <summary>Slice name, e.g. "colour_x_sex".</summary>
    public required string Slice { get; init; }

    /// <summary>Group name, e.g. "Black × Male".</summary>
    public required string Group { get; init; }

    /// <summary>Rows in the group.</summary>
    public required int Support { get; init; }

    /// <summary>True when Support is below the configured minimum (reported, with intervals, never dropped).</summary>
    public bool TooSmall { get; init; }

    /// <summary>Metric id.</summary>
    public required string Metric { get; init; }

    /// <summary>Candidate's value with interval (Wilson for proportions).</summary>
    public required Estimate Candidate { get; init; }

    /// <summary>Baseline's value, when there is a baseline.</summary>
    public Estimate? Baseline { get; init; }

    /// <summary>Paired delta, when there is a baseline.</summary>
    public Estimate? Delta { get; init; }

    /// <summary>Benjamini-Hochberg adjusted p-value of the per-group regression test, when run.</summary>
    public double? AdjustedPValue { get; init; }

    /// <summary>This group's verdict where the check judges groups one by one; null otherwise.</summary>
    public Verdict? Verdict { get; init; }
}
