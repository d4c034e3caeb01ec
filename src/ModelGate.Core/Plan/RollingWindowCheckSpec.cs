namespace ModelGate.Core.Plan;

/// <summary>How the holdout is cut into windows along its order column.</summary>
internal enum WindowPeriod
{
    /// <summary>A fixed number of windows of equal size (rows differ by at most one), in order.</summary>
    Count,

    /// <summary>One window per calendar day of an ISO date.</summary>
    Day,

    /// <summary>One window per ISO week (Monday to Sunday) of an ISO date, named yyyy-Www.</summary>
    Week,

    /// <summary>One window per calendar month of an ISO date, named yyyy-MM.</summary>
    Month,

    /// <summary>One window per calendar year of an ISO date, named yyyy.</summary>
    Year,

    /// <summary>One window per distinct value of the order column (numbers in numeric order, text in ordinal order).</summary>
    Value,
}

/// <summary>What the windows' relative drops are measured against.</summary>
internal enum WindowReference
{
    /// <summary>The first (earliest) window.</summary>
    First,

    /// <summary>The mean of the windows with enough rows.</summary>
    Mean,
}

/// <summary>
/// Test accuracy drift (M2): the holdout cut into windows along a time (or order) column, a metric per window with its
/// interval, and bounds on the relative drop of the latest window and of the worst window against the first window or
/// the windows' mean.
/// </summary>
internal sealed record RollingWindowCheckSpec : CheckSpec
{
    /// <summary>Metric id from <see cref="Metrics.MetricCatalog"/>.</summary>
    public required string Metric { get; init; }

    /// <summary>The holdout column that orders the rows; null means the file's row order.</summary>
    public string? OrderBy { get; init; }

    /// <summary>How windows are formed.</summary>
    public WindowPeriod Period { get; init; } = WindowPeriod.Count;

    /// <summary>Number of windows when <see cref="Period"/> is <see cref="WindowPeriod.Count"/>.</summary>
    public int Windows { get; init; } = 4;

    /// <summary>The reference the drops are relative to.</summary>
    public WindowReference Against { get; init; } = WindowReference.First;

    /// <summary>Largest allowed relative drop of the latest window vs the reference, e.g. 0.05.</summary>
    public double? LatestDropAtMost { get; init; }

    /// <summary>Largest allowed relative drop of any window vs the reference.</summary>
    public double? WorstDropAtMost { get; init; }

    /// <summary>Bound on the worst window's own value.</summary>
    public Bound WorstWindow { get; init; } = new();

    /// <inheritdoc/>
    public override bool NeedsBaseline => false;
}
