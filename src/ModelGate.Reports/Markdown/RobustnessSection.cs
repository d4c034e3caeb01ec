using System.Text;
using ModelGate.Core;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Robustness checks: each model's flip rate and metric drop under the perturbations, and the least stable groups.</summary>
internal static class RobustnessSection
{
    public static MarkdownSection? Render(GateResult r)
    {
        var checks = r.Checks.Where(c => c.Robustness is not null).ToList();
        if (checks.Count == 0)
        {
            return null;
        }

        var sb = new StringBuilder("### Robustness\n\n");
        foreach (var c in checks)
        {
            var f = c.Robustness!;
            sb.Append("**").Append(MarkdownText.Escape(c.Spec.Title)).Append("** (`").Append(MarkdownText.Escape(c.Spec.Id)).Append("`) ")
              .Append(CheckFacts.Status(c, r.Clean)).Append(": ").Append(NumberText.Count(f.Repeats)).Append(" perturbed copies of the ")
              .Append(NumberText.Count(f.Rows)).Append(" holdout rows, each with ").Append(MarkdownText.Escape(string.Join(" then ", f.Perturbations)))
              .Append(" (seed ").Append(NumberText.Plain(f.Seed)).Append("; means and SDs from ").Append(f.ScaleSource == "train" ? "data.train" : "the holdout").Append(").\n\n");
            var rows = new List<IReadOnlyList<string>> { Row("candidate", f.Candidate) };
            if (f.Baseline is { } b)
            {
                rows.Add(Row("baseline", b));
            }

            var loss = f.Metric == "MAE" ? "MAE increase" : "accuracy drop";
            sb.Append(MarkdownTable.Render(["model", "flip rate", f.Metric, "perturbed", loss], rows)).Append('\n');
            if (f.FlipExcess is { } excess)
            {
                sb.Append("Candidate flip rate minus the baseline's: ").Append(NumberText.Delta(excess)).Append(".\n\n");
            }

            if (f.WorstGroups.Count > 0)
            {
                var groups = f.WorstGroups.Select(g => (IReadOnlyList<string>)
                [
                    MarkdownText.Escape(g.Slice), MarkdownText.Escape(g.Group), NumberText.Count(g.Rows), NumberText.Percent(g.CandidateFlipRate),
                    g.BaselineFlipRate is { } bf ? NumberText.Percent(bf) : "—",
                ]);
                sb.Append("Least stable groups:\n\n").Append(MarkdownTable.Render(["slice", "group", "rows", "candidate flips", "baseline flips"], groups)).Append('\n');
            }
        }

        sb.Append("A flip is a changed prediction (regression: one that moves by more than the tolerance); intervals are over rows, each row's copies averaged.\n");
        return new MarkdownSection("robustness", sb.ToString(), CutOrder.Drift);
    }

    private static string[] Row(string model, RobustnessSide s) =>
    [
        model,
        NumberText.Percent(s.FlipRate.Value) + (s.FlipRate.Interval is { } i ? $" [{NumberText.Percent(i.Lower)}, {NumberText.Percent(i.Upper)}]" : string.Empty),
        NumberText.Value(s.Unperturbed),
        NumberText.Value(s.Perturbed),
        NumberText.Delta(s.Drop),
    ];
}
