using System.Text;
using ModelGate.Core;
using ModelGate.Core.Results;
using ModelGate.Core.Text;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>The first screen: the verdict line, the hidden marker, and one line saying what was compared.</summary>
internal static class HeaderSection
{
    /// <summary>The marker the PR comment is found by.</summary>
    public static string Marker(ReportContext ctx) => $"<!-- modelgate:{MarkdownText.MarkerKey(ctx.GateKey)} -->";

    public static MarkdownSection Render(GateResult r, ReportContext ctx)
    {
        var s = GateSummary.Of(r);
        // ✅ only for a clean pass: a gate that passed with an inconclusive, skipped or invalid check says so with ⚠️.
        var icon = r.Clean ? "✅" : r.Passed ? "⚠️" : "❌";
        var sb = new StringBuilder();
        sb.Append("## ").Append(icon).Append(" ModelGate: ").Append(s.Word).Append(" — ").Append(s.Counts).Append('\n');
        sb.Append(Marker(ctx)).Append('\n').Append('\n');

        var st = r.Statistics;
        sb.Append("Gate ").Append(MarkdownText.Code(ctx.GateKey)).Append(" · ").Append(TaskWord(r.Task)).Append(" · ");
        sb.Append(r.HasBaseline ? "candidate vs baseline" : "candidate only (no baseline: change checks skipped)");
        sb.Append(" on ").Append(NumberText.Count(r.Rows)).Append(" holdout rows · ");
        sb.Append(NumberText.SettingPercent(st.Confidence)).Append(" intervals (")
          .Append(NumberText.Count(st.Resamples)).Append(" paired bootstrap resamples, seed ").Append(st.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(')');
        if (ctx.PolicyPath is { } policy)
        {
            sb.Append(" · policy ").Append(MarkdownText.Code(policy));
        }

        sb.Append(" · ").Append(s.Passing).Append(" of ").Append(s.Total).Append(" checks passed\n");
        return new MarkdownSection("header", sb.ToString(), 0);
    }

    private static string TaskWord(TaskKind task) => task switch
    {
        TaskKind.Binary => "binary classification",
        TaskKind.Multiclass => "multiclass classification",
        _ => "regression",
    };
}
