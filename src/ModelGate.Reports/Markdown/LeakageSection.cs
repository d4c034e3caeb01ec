using System.Text;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Train rows repeated in the holdout and single features that give the label away, per leakage check.</summary>
internal static class LeakageSection
{
    /// <summary>Label-proxy rows shown per check; the JSON report has them all.</summary>
    public const int MaxProxies = 5;

    public static MarkdownSection? Render(GateResult r)
    {
        var checks = r.Checks.Where(c => c.Leakage is not null).ToList();
        if (checks.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("### Leakage\n\n");
        foreach (var c in checks)
        {
            var l = c.Leakage!;
            sb.Append("**").Append(MarkdownText.Escape(c.Spec.Title)).Append("** (`").Append(MarkdownText.Escape(c.Spec.Id)).Append("`) ")
              .Append(CheckFacts.Status(c, r.Clean)).Append(".\n\n");
            var rows = new List<IReadOnlyList<string>>
            {
                new[] { "holdout rows that repeat a train row", NumberText.Count(l.DuplicateRows), Ids(l.DuplicateIds, l.DuplicateRows) },
                new[] { "… with a different label", NumberText.Count(l.ConflictingRows), Ids(l.ConflictingIds, l.ConflictingRows) },
            };
            rows.AddRange(l.Proxies.Take(MaxProxies).Select(p => (IReadOnlyList<string>)
            [
                "label from `" + MarkdownText.Escape(p.Feature) + "` alone",
                NumberText.Value(p.Score) + (p.BeyondBound ? " ⚠️" : string.Empty),
                r.Task == Core.TaskKind.Regression ? "R² on the holdout" : "balanced accuracy on the holdout",
            ]));
            sb.Append(MarkdownTable.Render(["finding", "value", "rows / measure"], rows)).Append('\n');
        }

        sb.Append("Duplicates compare every listed feature exactly; single-feature scores use a lookup table learnt on the train sample (docs/statistics.md, \"Leakage\").\n");
        return new MarkdownSection("leakage", sb.ToString(), CutOrder.Drift);
    }

    private static string Ids(IReadOnlyList<string> ids, int count) =>
        ids.Count == 0 ? "–" : MarkdownText.Escape(string.Join(", ", ids) + (count > ids.Count ? ", …" : string.Empty));
}
