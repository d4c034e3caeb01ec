namespace ModelGate.Core.Plan;

/// <summary>What a resource-cost check bounds.</summary>
internal enum ResourceMeasure
{
    /// <summary>Process CPU-seconds per 1,000 rows scored.</summary>
    CpuSecondsPer1000Rows,

    /// <summary>Peak working memory of the model's session, in megabytes.</summary>
    PeakMemoryMb,
}

/// <summary>Resource cost per inference (M12): one measure, absolute and vs the baseline, judged on the measured value like latency.</summary>
internal sealed record ResourceCostCheckSpec : CheckSpec
{
    /// <summary>The measure bounded.</summary>
    public required ResourceMeasure Measure { get; init; }

    /// <summary>Largest allowed value (CPU-seconds per 1,000 rows, or MB).</summary>
    public double? AtMost { get; init; }

    /// <summary>Largest allowed (candidate - baseline) / baseline.</summary>
    public double? MaxRelativeIncrease { get; init; }

    /// <inheritdoc/>
    public override bool NeedsBaseline => MaxRelativeIncrease is not null;
}
