namespace ModelGate.Core.Plan;

/// <summary>
/// Abstention at a confidence threshold (classification): the candidate answers only where its top-class probability
/// reaches the threshold; bounds on the share it abstains on and on its accuracy where it answers.
/// </summary>
internal sealed record RejectRateCheckSpec : CheckSpec
{
    /// <summary>The candidate abstains on a row whose top-class probability is below this.</summary>
    public required double ConfidenceThreshold { get; init; }

    /// <summary>Largest allowed share of rows abstained on.</summary>
    public double? AbstainedShareAtMost { get; init; }

    /// <summary>Smallest allowed accuracy on the rows answered.</summary>
    public double? SelectiveAccuracyAtLeast { get; init; }

    /// <inheritdoc/>
    public override bool NeedsBaseline => false;
}
