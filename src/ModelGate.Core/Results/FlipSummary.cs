namespace ModelGate.Core.Results;

/// <summary>
/// Rows whose correctness changed between baseline and candidate (Positive-Congruent Training, CVPR 2021):
/// negative flips (baseline right, candidate wrong) and positive flips (the reverse).
/// </summary>
internal sealed record FlipSummary
{
    /// <summary>Rows considered.</summary>
    public required int Rows { get; init; }

    /// <summary>Baseline right, candidate wrong.</summary>
    public required int NegativeFlips { get; init; }

    /// <summary>Baseline wrong, candidate right.</summary>
    public required int PositiveFlips { get; init; }

    /// <summary>Candidate errors (the NFI denominator).</summary>
    public required int CandidateErrors { get; init; }

    /// <summary>Negative flip rate: negative flips / rows.</summary>
    public double NegativeFlipRate => Rows == 0 ? double.NaN : (double)NegativeFlips / Rows;

    /// <summary>Negative flip impact: negative flips / candidate errors.</summary>
    public double NegativeFlipImpact => CandidateErrors == 0 ? double.NaN : (double)NegativeFlips / CandidateErrors;

    /// <summary>Row ids (or 1-based row numbers) of negative flips, worst first (largest confidence in the wrong answer), capped.</summary>
    public IReadOnlyList<string> NegativeFlipRowIds { get; init; } = [];

    /// <summary>0-based holdout row indices matching <see cref="NegativeFlipRowIds"/>, so the caller can show feature values.</summary>
    public IReadOnlyList<int> NegativeFlipRows { get; init; } = [];
}
