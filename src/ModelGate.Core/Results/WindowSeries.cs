namespace ModelGate.Core.Results;

/// <summary>One window of a rolling-window check: the candidate's metric on its rows and its drop vs the reference.</summary>
internal sealed record WindowResult
{
    /// <summary>The window's name: a period (2024-03) or its position and span (2: 1999–2000).</summary>
    public required string Name { get; init; }

    /// <summary>Rows in the window.</summary>
    public required int Support { get; init; }

    /// <summary>True when Support is below slices.min_support: shown, but not part of the mean or the worst window.</summary>
    public bool TooSmall { get; init; }

    /// <summary>The candidate's value with its interval (Wilson for proportions, else the bootstrap).</summary>
    public required Estimate Candidate { get; init; }

    /// <summary>The baseline's value, when there is a baseline (shown, not judged).</summary>
    public Estimate? Baseline { get; init; }

    /// <summary>Relative drop vs the reference (positive is worse), with its bootstrap interval; undefined when the reference is 0 or undefined.</summary>
    public required Estimate RelativeDrop { get; init; }
}

/// <summary>A metric across the holdout's windows, in order, and what the drops were measured against.</summary>
internal sealed record WindowSeries
{
    /// <summary>Metric id.</summary>
    public required string Metric { get; init; }

    /// <summary>The order column, or null for the file's row order.</summary>
    public string? OrderBy { get; init; }

    /// <summary>"first" or "mean".</summary>
    public required string Against { get; init; }

    /// <summary>The reference value the drops are relative to.</summary>
    public required double Reference { get; init; }

    /// <summary>The windows, earliest first.</summary>
    public required IReadOnlyList<WindowResult> Windows { get; init; }

    /// <summary>The latest window's relative drop.</summary>
    public double LatestDrop => Windows.Count == 0 ? double.NaN : Windows[^1].RelativeDrop.Value;

    /// <summary>The largest relative drop among windows with enough rows (NaN when none).</summary>
    public double WorstDrop => Windows.Where(w => !w.TooSmall && w.RelativeDrop.IsDefined).Select(w => w.RelativeDrop.Value).DefaultIfEmpty(double.NaN).Max();
}
