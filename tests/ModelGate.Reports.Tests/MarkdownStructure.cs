using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace ModelGate.Reports.Tests;

/// <summary>Checks that Markdown is well formed the way GitHub will read it: tables parse, fences close, details balance.</summary>
internal static class MarkdownStructure
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>Asserts every fence is closed, every &lt;details&gt; closed, and every table has as many cells per row as headers.</summary>
    public static void AssertWellFormed(string markdown)
    {
        var doc = Parse(markdown);
        foreach (var fence in doc.Descendants<FencedCodeBlock>())
        {
            Assert.True(fence.ClosingFencedCharCount >= fence.OpeningFencedCharCount, $"unclosed code fence at line {fence.Line + 1}");
        }

        var html = string.Concat(doc.Descendants<HtmlBlock>().Select(b => b.Lines.ToString()));
        var opened = Count(html, "<details");
        var closed = Count(html, "</details>");
        Assert.Equal(opened, closed);

        foreach (var table in doc.Descendants<Table>())
        {
            var columns = ((TableRow)table[0]).Count;
            Assert.All(table.OfType<TableRow>(), row => Assert.Equal(columns, row.Count));
        }
    }

    public static int Count(string text, string what)
    {
        var n = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + what.Length, StringComparison.Ordinal))
        {
            n++;
        }

        return n;
    }
}
