namespace ModelGate.Core.Evaluation;

/// <summary>Measured latency of one model: milliseconds per call at a batch size.</summary>
internal sealed record LatencySamples(int BatchSize, IReadOnlyList<double> Milliseconds);

/// <summary>What was measured about the models themselves (not their predictions).</summary>
internal sealed record ModelMeasurements(
    long CandidateSizeBytes,
    long? BaselineSizeBytes,
    IReadOnlyList<LatencySamples> CandidateLatency,
    IReadOnlyList<LatencySamples> BaselineLatency)
{
    /// <summary>The candidate's CPU time and memory, when a resource_cost check asked for them.</summary>
    public ResourceCost? CandidateCost { get; init; }

    /// <summary>The baseline's CPU time and memory, measured the same way; null without a baseline.</summary>
    public ResourceCost? BaselineCost { get; init; }
}
