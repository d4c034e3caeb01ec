using ModelGate.Core;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Text;

namespace ModelGate.Reports.Text;

/// <summary>What every format says about a check the same way: its kind, metric, status words and waiver state.</summary>
internal static class CheckFacts
{
    /// <summary>The policy word of a statistics method: auto, bootstrap or analytic.</summary>
    public static string MethodWord(ModelGate.Core.Plan.StatisticsMethod method) => method.ToString().ToLowerInvariant();

    /// <summary>The check's kind as written in JSON and JUnit class names.</summary>
    public static string Kind(CheckSpec spec) => spec switch
    {
        MetricCheckSpec => "metric",
        GeneralizationGapCheckSpec => "generalization_gap",
        CalibrationCheckSpec => "calibration",
        SubgroupCheckSpec => "subgroups",
        FairnessCheckSpec => "fairness",
        SafetyCheckSpec => "safety",
        LatencyCheckSpec => "latency",
        ModelSizeCheckSpec => "model_size",
        DriftCheckSpec => "drift",
        PredictionDriftCheckSpec => "prediction_drift",
        LeakageCheckSpec => "leakage",
        RejectRateCheckSpec => "reject_rate",
        RollingWindowCheckSpec => "rolling_window",
        ResourceCostCheckSpec => "resource_cost",
        RobustnessCheckSpec => "robustness",
        ScoresValidCheckSpec => "scores_valid",
        _ => "other",
    };

    /// <summary>The metric id a check judges, when it judges one.</summary>
    public static string? Metric(CheckSpec spec) => spec switch
    {
        MetricCheckSpec m => m.Metric,
        GeneralizationGapCheckSpec g => g.Metric,
        CalibrationCheckSpec c => c.Metric,
        SubgroupCheckSpec s => s.Metric,
        SafetyCheckSpec s => s.Metric,
        _ => null,
    };

    /// <summary>The metric's display name, or the id when unknown.</summary>
    public static string MetricName(string id) => MetricCatalog.Find(id)?.DisplayName ?? id;

    /// <summary>+1 when higher is better, -1 when lower is better (unknown metrics count as higher-is-better).</summary>
    public static int Direction(string metricId) => MetricCatalog.Find(metricId)?.HigherIsBetter == false ? -1 : 1;

    /// <summary>A failing check that does not block: severity warning or info.</summary>
    public static bool IsWarning(CheckResult c) => c.Verdict == Verdict.Fail && !c.Blocks;

    /// <summary>Lower-case verdict word used in JSON, JUnit and prose.</summary>
    public static string Word(Verdict v) => v switch
    {
        Verdict.Pass => "pass",
        Verdict.Fail => "fail",
        Verdict.Inconclusive => "inconclusive",
        Verdict.Skipped => "skipped",
        Verdict.Waived => "waived",
        _ => "unknown",
    };

    /// <summary>Lower-case severity word.</summary>
    public static string Word(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary>
    /// The status cell of the Markdown table: an emoji a reader scans for, then the word. ✅ is kept for a clean gate
    /// (<see cref="GateResult.Clean"/>): while any check is inconclusive, skipped or invalid, passing checks show 🟢.
    /// </summary>
    public static string Status(CheckResult c, bool gateClean) => c.Verdict switch
    {
        Verdict.Pass => gateClean ? "✅ pass" : "🟢 pass",
        Verdict.Fail when c.Blocks => "❌ fail",
        Verdict.Fail => "⚠️ fail (" + Word(c.Spec.Severity) + ")",
        Verdict.Inconclusive when c.Blocks => "❌ inconclusive",
        Verdict.Inconclusive => "❔ inconclusive",
        Verdict.Skipped => "⏭️ skipped",
        Verdict.Waived => "🏳️ waived",
        _ => "?",
    };

    /// <summary>What decided the check, with the extra numbers of an inconclusive verdict and the waiver's state.</summary>
    public static string DecidedBy(CheckResult c)
    {
        var parts = new List<string> { c.Reason };
        if (c.IntervalMethod is { } method && !method.StartsWith("paired bootstrap", StringComparison.Ordinal))
        {
            parts.Add("interval: " + method);
        }

        if (c.PValue is { } p)
        {
            parts.Add(NumberText.PClause(p));
        }

        if (c.MinimumDetectableEffect is { } mde)
        {
            parts.Add("smallest detectable regression " + NumberText.Value(mde));
        }

        if (c.RowsNeeded is { } rows)
        {
            parts.Add("about " + NumberText.Count(rows) + " holdout rows would settle it");
        }

        if (WaiverNote(c) is { } note)
        {
            parts.Add(note);
        }

        return string.Join("; ", parts);
    }

    /// <summary>"waived by … until …" or "waiver … expired on …", when the check has a waiver that mattered.</summary>
    public static string? WaiverNote(CheckResult c)
    {
        if (c.Spec.Waiver is not { } w)
        {
            return null;
        }

        if (c.WaiverExpired)
        {
            return $"waiver by {w.Owner} expired on {NumberText.Date(w.Expires)} and no longer applies ({w.Reason})";
        }

        return c.Verdict == Verdict.Waived ? $"waived by {w.Owner} until {NumberText.Date(w.Expires)}: {w.Reason}" : null;
    }
}
