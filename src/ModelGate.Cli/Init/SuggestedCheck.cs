using ModelGate.Core;

namespace ModelGate.Cli.Init;

/// <summary>One metric check <c>init</c> writes: an absolute bound without a baseline, a change bound with one.</summary>
/// <param name="Metric">The metric's policy name.</param>
/// <param name="HigherIsBetter">True for metrics such as roc_auc; false for losses and errors.</param>
/// <param name="ChangeBound">The baseline comparison, e.g. <c>max_drop: 0.01</c>.</param>
/// <param name="Placeholder">A bound every value passes, used while the candidate's own interval is measured.</param>
/// <param name="ChangeComment">The comment written after the change bound, if any.</param>
internal sealed record SuggestedCheck(string Metric, bool HigherIsBetter, string ChangeBound, double Placeholder, string? ChangeComment = null)
{
    private const string NonInferiority = "non-inferiority, judged on the paired interval";

    /// <summary>The absolute bound's key.</summary>
    public string AbsoluteKey => HigherIsBetter ? "at_least" : "at_most";

    /// <summary>The checks for a task.</summary>
    public static IReadOnlyList<SuggestedCheck> For(TaskKind task) => task switch
    {
        TaskKind.Regression =>
        [
            new("mae", false, "max_relative_increase: 0.02", 1e12, "not more than 2% worse than the baseline"),
            new("r2", true, "max_drop: 0.01", -1e12),
        ],
        TaskKind.Multiclass =>
        [
            new("accuracy", true, "max_drop: 0.01", 0, NonInferiority),
        ],
        _ =>
        [
            new("roc_auc", true, "max_drop: 0.01", 0, NonInferiority),
            new("log_loss", false, "max_relative_increase: 0.05", 1e12),
        ],
    };
}
