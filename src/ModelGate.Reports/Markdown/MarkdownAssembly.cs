using System.Text;
using ModelGate.Core.Results;
using ModelGate.Reports.Text;

namespace ModelGate.Reports.Markdown;

/// <summary>Orders the sections and fits them into a size limit by cutting whole sections (see <see cref="CutOrder"/>).</summary>
internal static class MarkdownAssembly
{
    /// <summary>Reasons in the checks table are shortened to this many characters before anything is truncated.</summary>
    public const int ShortReason = 200;

    /// <summary>Every section in reading order.</summary>
    public static List<MarkdownSection> Sections(GateResult r, ReportContext ctx, MarkdownFlavor flavor)
    {
        MarkdownSection?[] all =
        [
            HeaderSection.Render(r, ctx),
            ChecksSection.Render(r),
            NotesSection.Render(r),
            HeadlineSection.Render(r),
            GeneralizationGapSection.Render(r, ctx),
            DriftSection.Render(r),
            LeakageSection.Render(r),
            AbstentionSection.Render(r),
            WindowSection.Render(r),
            PerSliceSection.Render(r),
            RobustnessSection.Render(r),
            CalibrationSection.Render(r, flavor),
            SubgroupSection.RenderWorst(r),
            SubgroupSection.RenderAll(r),
            SafetySection.Render(r, ctx),
            flavor == MarkdownFlavor.GitHub ? EvidenceSection.Render(ctx) : null,
            PerformanceSection.Render(r, ctx),
            TextInputsSection.Render(ctx),
            ProvenanceSection.Render(r, ctx),
        ];
        return all.OfType<MarkdownSection>().ToList();
    }

    /// <summary>Joins sections with one blank line between them.</summary>
    public static string Join(IEnumerable<MarkdownSection> sections) => string.Join("\n", sections.Select(s => s.Text));

    /// <summary>
    /// The sections joined, cutting whole sections in <see cref="CutOrder"/> until the text measures at most
    /// <paramref name="limit"/>; then shortening check reasons; then, as a last resort, truncating at a line
    /// boundary and closing any open fence or details block. A footer names what was cut and where the full report is.
    /// </summary>
    /// <param name="r">The result.</param>
    /// <param name="ctx">The report context.</param>
    /// <param name="all">Every section in reading order (<see cref="Sections"/> with the GitHub flavour), rendered once and shared by every fit.</param>
    /// <param name="limit">The size limit.</param>
    /// <param name="measure">How a text's size is measured against the limit.</param>
    /// <param name="limitName">The limit as the footer names it.</param>
    public static string Fit(GateResult r, ReportContext ctx, IReadOnlyList<MarkdownSection> all, int limit, Func<string, int> measure, string limitName)
    {
        var kept = all.ToList();
        var cut = new List<string>();
        while (true)
        {
            var text = Compose(kept, cut, ctx, limitName);
            if (measure(text) <= limit)
            {
                return text;
            }

            var next = kept.Where(s => s.CutRank > 0).OrderBy(s => s.CutRank).FirstOrDefault();
            if (next is null)
            {
                break;
            }

            kept.Remove(next);
            cut.Add(next.Name);
        }

        var checksAt = kept.FindIndex(s => s.Name == "checks");
        kept[checksAt] = ChecksSection.Render(r, ShortReason);
        cut.Add($"check reasons beyond {ShortReason} characters");
        if (measure(Compose(kept, cut, ctx, limitName)) <= limit)
        {
            // Shorter reasons may have freed room: bring sections back, most important first, where they still fit.
            var order = all.Select(s => s.Name).ToList();
            foreach (var section in all.Where(s => cut.Contains(s.Name)).OrderByDescending(s => s.CutRank))
            {
                var trial = kept.Append(section).OrderBy(s => order.IndexOf(s.Name)).ToList();
                var trialCut = cut.Where(n => n != section.Name).ToList();
                if (measure(Compose(trial, trialCut, ctx, limitName)) <= limit)
                {
                    kept = trial;
                    cut = trialCut;
                }
            }

            return Compose(kept, cut, ctx, limitName);
        }

        cut.Add("the rest of the checks table");
        var footer = Footer(cut, ctx, limitName);
        var body = Join(kept);

        // Room for the closers the balancer may add: a fence line and a few </details>.
        var room = limit - measure(footer) - 64;
        var prefix = LongestLinePrefix(body, room, measure);
        return MarkdownBalancer.Close(prefix) + footer;
    }

    private static string Compose(List<MarkdownSection> kept, List<string> cut, ReportContext ctx, string limitName) =>
        cut.Count == 0 ? Join(kept) : Join(kept) + Footer(cut, ctx, limitName);

    private static string Footer(List<string> cut, ReportContext ctx, string limitName)
    {
        var where = ctx.FullReportLocation ?? "the JSON and HTML reports written by `modelgate check`";
        var sb = new StringBuilder("\n---\n\n");
        sb.Append("✂️ Shortened to fit ").Append(limitName).Append(": left out ").AppendJoin(", ", cut.Select(MarkdownText.Escape))
          .Append(". The full report is in ").Append(where).Append(".\n");
        return sb.ToString();
    }

    private static string LongestLinePrefix(string body, int room, Func<string, int> measure)
    {
        var end = 0;
        var lo = 0;
        var lines = new List<int>();
        for (var i = body.IndexOf('\n', StringComparison.Ordinal); i >= 0; i = body.IndexOf('\n', i + 1))
        {
            lines.Add(i + 1);
        }

        var hi = lines.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (measure(body[..lines[mid]]) <= room)
            {
                end = lines[mid];
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return body[..end];
    }
}
