using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Text;

namespace ModelGate.Core.Verdicts;

/// <summary>
/// A row-level check (drift, prediction drift, leakage, reject rate, robustness) judged on the whole holdout and again on the rows of
/// every group of the slices it names (<see cref="CheckSpec.PerSlice"/>), with the same bounds. The check fails when
/// the whole holdout or any group with at least <c>slices.min_support</c> rows fails; smaller groups are listed, not judged.
/// </summary>
internal static class SliceScope
{
    public static CheckResult Judge(EvaluationContext ctx, CheckSpec spec, Func<EvaluationContext, CheckResult> judge)
    {
        var overall = judge(ctx);
        if (spec.PerSlice.Count == 0 || overall.Verdict == Verdict.Skipped)
        {
            return overall;
        }

        var groups = new List<GroupResult>();
        var judged = new List<(string Name, CheckResult Result)>();
        var notes = new List<string>();
        foreach (var slice in spec.PerSlice)
        {
            if (!ctx.Data.Slices.TryGetValue(slice, out var column))
            {
                notes.Add($"no group keys were provided for slice {slice}");
                continue;
            }

            for (var g = 0; g < column.GroupNames.Count; g++)
            {
                var rows = Enumerable.Range(0, column.GroupOf.Length).Where(i => column.GroupOf[i] == g).ToArray();
                var tooSmall = rows.Length < ctx.Statistics.MinSupport;
                var result = tooSmall ? null : judge(new EvaluationContext(ctx.Plan, RowSubset.Of(ctx.Data, rows)));
                var name = $"{slice}={column.GroupNames[g]} (n={NumberText.Count(rows.Length)})";
                groups.Add(new GroupResult
                {
                    Slice = slice,
                    Group = column.GroupNames[g],
                    Support = rows.Length,
                    TooSmall = tooSmall,
                    Metric = spec.Id,
                    Candidate = result?.Candidate ?? Estimate.Undefined(tooSmall ? $"fewer than {ctx.Statistics.MinSupport} rows (slices.min_support): not judged" : "not judged"),
                    Verdict = result?.Verdict,
                });
                if (result is not null && result.Verdict is Verdict.Fail or Verdict.Inconclusive)
                {
                    judged.Add((name, result));
                }
            }
        }

        var failing = judged.Where(j => j.Result.Verdict == Verdict.Fail).ToList();
        var inconclusive = judged.Where(j => j.Result.Verdict == Verdict.Inconclusive).ToList();
        var verdict = overall.Verdict == Verdict.Fail || failing.Count > 0 ? Verdict.Fail
            : overall.Verdict == Verdict.Inconclusive || inconclusive.Count > 0 ? Verdict.Inconclusive : overall.Verdict;
        var perGroup = failing.Count > 0 ? failing : inconclusive;
        var summary = perGroup.Count == 0
            ? $"every group of {string.Join(", ", spec.PerSlice)} with enough rows passes too"
            : $"{NumberText.Count(perGroup.Count)} group(s) {(failing.Count > 0 ? "fail" : "are inconclusive")}: " + string.Join("; ", perGroup.Take(3).Select(j => $"{j.Name}: {j.Result.Reason}"));
        if (notes.Count > 0)
        {
            summary += " (" + string.Join("; ", notes) + ")";
        }

        return overall with
        {
            Verdict = verdict,
            Reason = $"{overall.Reason}; per slice: {summary}",
            LikelyRegression = overall.LikelyRegression || perGroup.Any(j => j.Result.LikelyRegression),
            Groups = groups,
        };
    }
}
