using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>Judges a leakage check: counts of duplicated and conflicting rows, and the most predictive single feature, against the policy's bounds.</summary>
internal static class LeakageJudge
{
    public static CheckResult Judge(EvaluationContext ctx, LeakageCheckSpec spec)
    {
        var threshold = string.Join("; ", new[]
        {
            spec.DuplicatesAtMost is { } d ? $"duplicates ≤ {NumberText.Count(d)}" : null,
            spec.ConflictingAtMost is { } c ? $"conflicting labels ≤ {NumberText.Count(c)}" : null,
            spec.LabelProxyAtMost is { } p ? $"single-feature score ≤ {NumberText.Setting(p)}" : null,
        }.OfType<string>());
        if (!ctx.Data.Leakage.TryGetValue(spec.Id, out var sample))
        {
            return MetricCheckJudge.Skipped(spec, threshold, "no train sample was provided for this leakage check");
        }

        var findings = Drift.Leakage.Find(sample, ctx.Data.Task == TaskKind.Regression, spec.LabelProxyAtMost);
        var broken = new List<string>();
        if (findings.DuplicateRows > spec.DuplicatesAtMost)
        {
            broken.Add("duplicates");
        }

        if (findings.ConflictingRows > spec.ConflictingAtMost)
        {
            broken.Add("conflicting labels");
        }

        if (findings.Proxies.Any(p => p.BeyondBound))
        {
            broken.Add("label proxy");
        }

        var parts = new List<string>
        {
            findings.DuplicateRows == 0
                ? $"no holdout row of {NumberText.Count(findings.HoldoutRows)} repeats a train row"
                : $"{NumberText.Count(findings.DuplicateRows)} of {NumberText.Count(findings.HoldoutRows)} holdout rows repeat a train row ({Ids(findings.DuplicateIds, findings.DuplicateRows)})",
            findings.ConflictingRows == 0 ? "none with a different label" : $"{NumberText.Count(findings.ConflictingRows)} with a different label ({Ids(findings.ConflictingIds, findings.ConflictingRows)})",
        };
        if (findings.Proxies.Count > 0)
        {
            var top = findings.Proxies[0];
            parts.Add($"most predictive single feature {top.Feature}: {(ctx.Data.Task == TaskKind.Regression ? "R²" : "balanced accuracy")} {NumberText.Value(top.Score)}");
        }

        if (broken.Count > 0)
        {
            parts.Add("beyond the bound: " + string.Join(", ", broken));
        }

        return new CheckResult
        {
            Spec = spec,
            Verdict = broken.Count > 0 ? Verdict.Fail : Verdict.Pass,
            Reason = string.Join("; ", parts),
            Threshold = threshold,
            Candidate = Estimate.Of(findings.DuplicateRows),
            Leakage = findings,
        };
    }

    private static string Ids(IReadOnlyList<string> ids, int count) =>
        "rows " + string.Join(", ", ids) + (count > ids.Count ? ", …" : string.Empty);
}
