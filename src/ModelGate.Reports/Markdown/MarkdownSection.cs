namespace ModelGate.Reports.Markdown;

/// <summary>One self-contained block of the Markdown report (balanced fences and details), cut as a whole when space runs out.</summary>
/// <param name="Name">What a reader is told was cut, e.g. "calibration".</param>
/// <param name="Text">The Markdown, ending with a newline.</param>
/// <param name="CutRank">0 = never cut; otherwise sections are cut in increasing rank (see docs/report-json.md, "Size limits").</param>
internal sealed record MarkdownSection(string Name, string Text, int CutRank);

/// <summary>Where the Markdown goes: GitHub (Mermaid charts) or the HTML page (inline SVG replaces Mermaid).</summary>
internal enum MarkdownFlavor
{
    /// <summary>PR comment and job summary.</summary>
    GitHub,

    /// <summary>The standalone HTML page.</summary>
    Html,
}

/// <summary>The order sections are cut in when a report exceeds its size limit: lowest first.</summary>
internal static class CutOrder
{
    /// <summary>The table of every group: the largest section, and the worst groups stay.</summary>
    public const int AllGroups = 1;

    /// <summary>Images and texts of the worst rows: the HTML report has them in full.</summary>
    public const int Evidence = 1;

    /// <summary>Reliability table and chart.</summary>
    public const int Calibration = 2;

    /// <summary>Hashes and versions: also in the JSON and the artifact.</summary>
    public const int Provenance = 3;

    /// <summary>Latency and size: their verdicts are in the checks table.</summary>
    public const int Performance = 4;

    /// <summary>Drift tables: their verdicts are in the checks table.</summary>
    public const int Drift = 4;

    /// <summary>Generalization gap: its verdict is in the checks table.</summary>
    public const int GeneralizationGap = 5;

    /// <summary>Headline metrics side by side.</summary>
    public const int Headline = 6;

    /// <summary>Safety sets and flipped rows: evidence behind failing checks.</summary>
    public const int Safety = 7;

    /// <summary>Worst groups: evidence behind failing checks, kept longest.</summary>
    public const int WorstGroups = 8;
}
