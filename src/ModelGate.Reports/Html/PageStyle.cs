namespace ModelGate.Reports.Html;

/// <summary>The page's only stylesheet, inline: system fonts, readable tables, charts side by side.</summary>
internal static class PageStyle
{
    public const string Css = """
        :root { color-scheme: light; }
        body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; font-size: 14px; line-height: 1.45; color: #1f2328; margin: 0; background: #fff; }
        main { max-width: 1160px; margin: 0 auto; padding: 16px 20px 48px; }
        h2 { border-bottom: 1px solid #d0d7de; padding-bottom: 6px; }
        h3 { margin-top: 28px; border-bottom: 1px solid #eaeef2; padding-bottom: 4px; }
        table { border-collapse: collapse; margin: 8px 0 12px; display: block; overflow-x: auto; }
        th, td { border: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; }
        th { background: #f6f8fa; text-align: left; }
        tr:nth-child(even) td { background: #fbfcfd; }
        code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; background: #f3f4f6; padding: 1px 4px; border-radius: 4px; }
        details { margin: 8px 0; }
        summary { cursor: pointer; font-weight: 600; }
        .charts { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
        figure { margin: 0; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px; background: #fff; }
        figcaption { font-size: 12px; color: #57606a; max-width: 540px; }
        hr { border: 0; border-top: 1px solid #d0d7de; }
        """;
}
