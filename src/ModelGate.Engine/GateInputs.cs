using ModelGate.Core.Evaluation;
using ModelGate.Data;
using ModelGate.Data.Scores;
using ModelGate.Reports;

namespace ModelGate.Engine;

/// <summary>
/// What the judges and the report need from the models, however the scores came: the models scoring the holdout in
/// this run, or score files written earlier (<see cref="PrecomputedScores"/>).
/// </summary>
/// <param name="Holdout">The holdout's kept columns and rows.</param>
/// <param name="Labelled">Labels and both models' predictions in one class order.</param>
/// <param name="Train">The train sample's scores, for the generalization gap, when scored.</param>
/// <param name="Measurements">Model size and latency; null when not measured.</param>
/// <param name="Models">The models' provenance.</param>
/// <param name="ScoreFiles">The score files read (empty when the models scored the holdout here).</param>
/// <param name="Runtime">The ONNX Runtime and device the scores came from.</param>
/// <param name="Timings">Busy time per stage of the scoring pass.</param>
internal sealed record GateInputs(
    Holdout Holdout,
    EvaluationBuilder.Labelled Labelled,
    (TrainSample Sample, Holdout File)? Train,
    ModelMeasurements? Measurements,
    IReadOnlyList<ModelFingerprint> Models,
    IReadOnlyList<DataFingerprint> ScoreFiles,
    ScoringRuntime Runtime,
    StreamTimings Timings)
{
    /// <summary>Each drift check's feature samples (holdout against its reference), by check id.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FeatureSample>> DriftFeatures { get; init; } = new Dictionary<string, IReadOnlyList<FeatureSample>>();

    /// <summary>Each leakage check's holdout and train features, by check id.</summary>
    public IReadOnlyDictionary<string, LeakageSample> Leakage { get; init; } = new Dictionary<string, LeakageSample>();

    /// <summary>The text columns tokenized for the models, with how many rows were cut to max_length.</summary>
    public IReadOnlyList<TextTruncation> Texts { get; init; } = [];

    /// <summary>Each robustness check's perturbed copies, reduced per row, by check id (none when the scores came from files).</summary>
    public IReadOnlyDictionary<string, RobustnessSample> Robustness { get; init; } = new Dictionary<string, RobustnessSample>();
}
