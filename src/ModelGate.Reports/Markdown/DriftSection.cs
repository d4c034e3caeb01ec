using System.Text;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Feature drift and prediction drift: one table per drift check, one row per feature (drifted ones first).</summary>
internal static class DriftSection
{
    /// <summary>Feature rows shown per check; the JSON report has them all.</summary>
    public const int MaxRows = 30;

    public static MarkdownSection? Render(GateResult r)
    {
        var checks = r.Checks.Where(c => c.Drift.Count > 0).ToList();
        if (checks.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("### Drift\n\n");
        foreach (var c in checks)
        {
            sb.Append("**").Append(MarkdownText.Escape(c.Spec.Title)).Append("** (`").Append(MarkdownText.Escape(c.Spec.Id)).Append("`) ")
              .Append(CheckFacts.Status(c, r.Clean)).Append(": ").Append(MarkdownText.Escape(c.Reason)).Append(".\n\n");
            var rows = c.Drift.OrderByDescending(f => f.Drifted || f.BeyondBound).ThenByDescending(f => f.Psi).Take(MaxRows).Select(f => (IReadOnlyList<string>)
            [
                MarkdownText.Escape(f.Feature),
                f.Categorical ? "categorical" : "numeric",
                NumberText.Count(f.ReferenceRows) + " / " + NumberText.Count(f.HoldoutRows),
                NumberText.Value(f.Psi) + (f.BeyondBound ? " ⚠️" : string.Empty),
                (f.Categorical ? "χ² " : "KS D ") + NumberText.Value(f.Statistic),
                MarkdownText.Escape(NumberText.PValue(f.PValue)),
                f.AdjustedPValue is { } adjusted ? MarkdownText.Escape(NumberText.PValue(adjusted)) : "–",
                f.Categorical ? "JS " + NumberText.Value(f.JensenShannon ?? double.NaN) : "W " + NumberText.Value(f.Wasserstein ?? double.NaN),
                f.Drifted ? "yes" : "no",
            ]);
            sb.Append(MarkdownTable.Render(["feature", "kind", "rows (ref / holdout)", "PSI", "test", "p", "adjusted p", "distance", "drifted"], rows));
            if (c.Drift.Count > MaxRows)
            {
                sb.Append('\n').Append(NumberText.Count(c.Drift.Count - MaxRows)).Append(" more features in `report.json`.\n");
            }

            sb.Append('\n');
        }

        sb.Append("PSI: equal-mass bins of the reference; KS p-values asymptotic; adjusted p across each check's features (docs/statistics.md, \"Drift\").\n");
        return new MarkdownSection("drift", sb.ToString(), CutOrder.Drift);
    }
}
