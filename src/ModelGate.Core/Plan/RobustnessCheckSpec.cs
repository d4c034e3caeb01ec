namespace ModelGate.Core.Plan;

/// <summary>How one perturbation changes a copy of the holdout.</summary>
internal enum PerturbationKind
{
    /// <summary>Adds Gaussian noise of <see cref="Perturbation.Amount"/> standard deviations to each numeric feature.</summary>
    Noise,

    /// <summary>Sets each numeric feature, with probability <see cref="Perturbation.Amount"/>, to its mean (or to missing).</summary>
    Dropout,

    /// <summary>Replaces each categorical value, with probability <see cref="Perturbation.Amount"/>, by another observed value.</summary>
    Swap,

    /// <summary>Adds Gaussian noise of <see cref="Perturbation.Amount"/> (in 0..1 pixel units) to every pixel of every image input, clamped to 0..1.</summary>
    ImageNoise,

    /// <summary>Adds <see cref="Perturbation.Amount"/> (in 0..1 pixel units, may be negative) to every pixel of every image input, clamped to 0..1.</summary>
    Brightness,

    /// <summary>Gaussian blur of standard deviation <see cref="Perturbation.Amount"/> pixels on every image input (separable, edges repeated).</summary>
    Blur,

    /// <summary>Each letter of every text input, with probability <see cref="Perturbation.Amount"/>, swapped with the next, dropped, or followed by another letter.</summary>
    Typos,
}

/// <summary>What a dropped feature becomes.</summary>
internal enum DropoutFill
{
    /// <summary>The feature's mean (train when given, else the holdout).</summary>
    Mean,

    /// <summary>Missing (NaN): only for models that accept missing inputs.</summary>
    Missing,
}

/// <summary>One perturbation of a robustness check.</summary>
/// <param name="Kind">What it does.</param>
/// <param name="Amount">Noise: standard deviations; dropout: the share of values dropped; swap: the probability of a swap.</param>
/// <param name="Features">The columns it changes; empty = its default (numeric model inputs, or for swap the text inputs).</param>
/// <param name="Fill">Dropout only: what a dropped value becomes.</param>
internal sealed record Perturbation(PerturbationKind Kind, double Amount, IReadOnlyList<string> Features, DropoutFill Fill = DropoutFill.Mean)
{
    /// <summary>True for a perturbation of image inputs (applied to the decoded pixels, not to columns).</summary>
    public bool IsImage => Kind is PerturbationKind.ImageNoise or PerturbationKind.Brightness or PerturbationKind.Blur;

    /// <summary>True for a perturbation of image or text inputs rather than of columns.</summary>
    public bool IsMedia => IsImage || Kind == PerturbationKind.Typos;

    /// <summary>How the perturbation reads in a report, e.g. "noise 0.1 SD".</summary>
    public string Describe() => Kind switch
    {
        PerturbationKind.Noise => $"Gaussian noise {Text.NumberText.Setting(Amount)} SD",
        PerturbationKind.Dropout => $"dropout {Text.NumberText.SettingPercent(Amount)} to {(Fill == DropoutFill.Mean ? "the mean" : "missing")}",
        PerturbationKind.ImageNoise => $"image noise σ = {Text.NumberText.Setting(Amount)}",
        PerturbationKind.Brightness => $"brightness {Text.NumberText.SettingChange(Amount)}",
        PerturbationKind.Blur => $"Gaussian blur σ = {Text.NumberText.Setting(Amount)} px",
        PerturbationKind.Typos => $"typos {Text.NumberText.SettingPercent(Amount)} of letters",
        _ => $"categorical swap p = {Text.NumberText.Setting(Amount)}",
    } + (Features.Count == 0 ? string.Empty : $" on {string.Join(", ", Features)}");
}

/// <summary>
/// Prediction stability under perturbation (M4): the candidate (and the baseline) score perturbed copies of the
/// holdout; bounds on the share of predictions that flip, the metric drop, and the flip rate against the baseline's.
/// </summary>
internal sealed record RobustnessCheckSpec : CheckSpec
{
    /// <summary>The perturbations, applied in this order to every perturbed copy.</summary>
    public required IReadOnlyList<Perturbation> Perturbations { get; init; }

    /// <summary>Perturbed copies scored.</summary>
    public int Repeats { get; init; } = 5;

    /// <summary>Seed of the perturbations: the same seed gives the same copies.</summary>
    public int Seed { get; init; }

    /// <summary>Regression: a prediction "flips" when it moves by more than this; null = 0.1 × the targets' standard deviation.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Largest allowed flip rate of the candidate.</summary>
    public double? FlipRateAtMost { get; init; }

    /// <summary>Largest allowed metric drop of the candidate (accuracy lost, or MAE gained).</summary>
    public double? MetricDropAtMost { get; init; }

    /// <summary>Largest allowed excess of the candidate's flip rate over the baseline's.</summary>
    public double? BaselineMargin { get; init; }

    /// <inheritdoc/>
    public override bool NeedsBaseline => BaselineMargin is not null;
}
