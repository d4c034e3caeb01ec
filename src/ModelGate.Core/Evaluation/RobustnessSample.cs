using ModelGate.Core.Robustness;

namespace ModelGate.Core.Evaluation;

/// <summary>What a robustness check reads: each model's perturbed copies reduced per row (<see cref="PerturbationTally"/>).</summary>
/// <param name="Candidate">The candidate's perturbed rows.</param>
/// <param name="Baseline">The baseline's, when a baseline is configured.</param>
/// <param name="ScaleSource">Where the features' means and standard deviations came from: "train" or "holdout".</param>
/// <param name="Tolerance">Regression: the change that counts as a flip; NaN for classification.</param>
internal sealed record RobustnessSample(PerturbedRows Candidate, PerturbedRows? Baseline, string ScaleSource, double Tolerance);
