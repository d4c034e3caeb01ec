using ModelGate.Data;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Outputs;

namespace ModelGate.Engine;

/// <summary>What the streaming pass produces: the holdout, both models' scores, and the first chunk's inputs for latency runs.</summary>
/// <param name="Holdout">The kept columns of the whole file, as <see cref="HoldoutReader.Read"/> returns them.</param>
/// <param name="ColumnsRead">Columns read from the file (the holdout keeps those needed after scoring).</param>
/// <param name="Candidate">The candidate's scores on every kept row.</param>
/// <param name="Baseline">The baseline's scores, when there is a baseline.</param>
/// <param name="CandidateSample">The candidate's prepared inputs for the first chunk (latency is measured on the first rows).</param>
/// <param name="BaselineSample">The baseline's prepared inputs for the first chunk.</param>
/// <param name="Timings">Busy time per stage and wall time.</param>
internal sealed record ScoredHoldout(
    Holdout Holdout,
    int ColumnsRead,
    ScoredPredictions Candidate,
    ScoredPredictions? Baseline,
    PreparedInputs CandidateSample,
    PreparedInputs? BaselineSample,
    StreamTimings Timings);

/// <summary>Seconds each stage of the streaming pass was busy; they overlap, so the wall time is less than their sum.</summary>
/// <param name="Chunks">Chunks streamed.</param>
/// <param name="ReadSeconds">Parsing the file into columns.</param>
/// <param name="CandidateSeconds">Converting inputs to the model's types and running the candidate.</param>
/// <param name="BaselineSeconds">Preparing inputs and running the baseline.</param>
/// <param name="AssembleSeconds">Joining chunks into the holdout and the score arrays.</param>
/// <param name="WallSeconds">The whole pass.</param>
internal sealed record StreamTimings(int Chunks, double ReadSeconds, double CandidateSeconds, double BaselineSeconds, double AssembleSeconds, double WallSeconds)
{
    /// <summary>Seconds spent building model inputs from chunks (decoding images and encoding texts included).</summary>
    public double InputsSeconds { get; init; }
}
