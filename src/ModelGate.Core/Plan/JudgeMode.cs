namespace ModelGate.Core.Plan;

/// <summary>How a bound is judged.</summary>
internal enum JudgeMode
{
    /// <summary>On the confidence interval: pass/fail only when the interval shows it, else inconclusive (the default).</summary>
    Interval,

    /// <summary>On the point estimate alone (what most tools do; cries wolf on noise).</summary>
    PointEstimate,
}
