namespace ModelGate.Core.Results;

/// <summary>One model under perturbation: its flip rate and its metric before and after.</summary>
/// <param name="FlipRate">Share of (row, copy) predictions that differ from the unperturbed prediction, with its interval.</param>
/// <param name="Unperturbed">The metric on the holdout.</param>
/// <param name="Perturbed">The metric averaged over the perturbed copies.</param>
/// <param name="Drop">How much worse the metric gets (accuracy lost, or MAE gained), with its paired interval.</param>
internal sealed record RobustnessSide(Estimate FlipRate, double Unperturbed, double Perturbed, Estimate Drop);

/// <summary>A group of a slice with its flip rates.</summary>
/// <param name="Slice">The slice's name.</param>
/// <param name="Group">The group.</param>
/// <param name="Rows">Holdout rows in it.</param>
/// <param name="CandidateFlipRate">The candidate's flip rate on these rows.</param>
/// <param name="BaselineFlipRate">The baseline's, when there is a baseline.</param>
internal sealed record RobustnessGroup(string Slice, string Group, int Rows, double CandidateFlipRate, double? BaselineFlipRate);

/// <summary>Prediction stability under the check's perturbations, for both models, and the least stable groups.</summary>
internal sealed record RobustnessFindings
{
    /// <summary>The perturbations, as they read (in order of application).</summary>
    public required IReadOnlyList<string> Perturbations { get; init; }

    /// <summary>Perturbed copies per model.</summary>
    public required int Repeats { get; init; }

    /// <summary>The perturbations' seed.</summary>
    public required int Seed { get; init; }

    /// <summary>"train" or "holdout": where the features' means and standard deviations came from.</summary>
    public required string ScaleSource { get; init; }

    /// <summary>Holdout rows.</summary>
    public required int Rows { get; init; }

    /// <summary>The metric whose drop is reported: "accuracy" or "MAE".</summary>
    public required string Metric { get; init; }

    /// <summary>Regression: the change that counts as a flip; null for classification.</summary>
    public double? Tolerance { get; init; }

    /// <summary>The candidate.</summary>
    public required RobustnessSide Candidate { get; init; }

    /// <summary>The baseline, when configured.</summary>
    public RobustnessSide? Baseline { get; init; }

    /// <summary>Candidate flip rate minus the baseline's, with its paired interval; null without a baseline.</summary>
    public Estimate? FlipExcess { get; init; }

    /// <summary>The groups with the highest candidate flip rate across the policy's slices (at most <see cref="Verdicts.RobustnessJudge.WorstGroups"/>).</summary>
    public IReadOnlyList<RobustnessGroup> WorstGroups { get; init; } = [];
}
