namespace ModelGate.Core;

/// <summary>How one check ended.</summary>
internal enum Verdict
{
    /// <summary>The evidence shows the requirement is met.</summary>
    Pass,

    /// <summary>The evidence shows the requirement is not met.</summary>
    Fail,

    /// <summary>The interval straddles the bound: this holdout cannot tell.</summary>
    Inconclusive,

    /// <summary>Not judged (e.g. no baseline, or the metric is undefined); the reason is given.</summary>
    Skipped,

    /// <summary>Would have failed or been inconclusive, but an unexpired waiver applies.</summary>
    Waived,
}
