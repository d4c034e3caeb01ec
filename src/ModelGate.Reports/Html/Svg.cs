using System.Globalization;
using System.Text;

namespace ModelGate.Reports.Html;

/// <summary>Small building blocks of the inline SVG charts: coordinates, escaped text, axes. No blank lines, so Markdig keeps a chart as one HTML block.</summary>
internal static class Svg
{
    /// <summary>Series colours: candidate, baseline, then more for one-vs-rest curves (colour-blind safe Okabe-Ito palette).</summary>
    public static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"];

    /// <summary>A coordinate with two decimals, invariant.</summary>
    public static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Text escaped for SVG/XML content and attributes.</summary>
    public static string Escape(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("\n", " ", StringComparison.Ordinal);

    /// <summary>Opens an SVG with a title for screen readers.</summary>
    public static void Open(StringBuilder sb, int width, int height, string title)
    {
        sb.Append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"").Append(width).Append("\" height=\"").Append(height)
          .Append("\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height).Append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
        sb.Append("<title>").Append(Escape(title)).Append("</title>\n");
        sb.Append("<text x=\"").Append(width / 2).Append("\" y=\"16\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">").Append(Escape(title)).Append("</text>\n");
    }

    /// <summary>A unit square plot area [0,1]x[0,1] with grid, ticks and axis titles.</summary>
    public static void UnitAxes(StringBuilder sb, Plot p, string xTitle, string yTitle)
    {
        for (var i = 0; i <= 5; i++)
        {
            var t = i / 5.0;
            var label = t.ToString("0.0", CultureInfo.InvariantCulture);
            sb.Append("<line x1=\"").Append(N(p.X(t))).Append("\" y1=\"").Append(N(p.Top)).Append("\" x2=\"").Append(N(p.X(t))).Append("\" y2=\"").Append(N(p.Bottom)).Append("\" stroke=\"#e5e5e5\"/>\n");
            sb.Append("<line x1=\"").Append(N(p.Left)).Append("\" y1=\"").Append(N(p.Y(t))).Append("\" x2=\"").Append(N(p.Right)).Append("\" y2=\"").Append(N(p.Y(t))).Append("\" stroke=\"#e5e5e5\"/>\n");
            sb.Append("<text x=\"").Append(N(p.X(t))).Append("\" y=\"").Append(N(p.Bottom + 14)).Append("\" text-anchor=\"middle\">").Append(label).Append("</text>\n");
            sb.Append("<text x=\"").Append(N(p.Left - 6)).Append("\" y=\"").Append(N(p.Y(t) + 4)).Append("\" text-anchor=\"end\">").Append(label).Append("</text>\n");
        }

        sb.Append("<rect x=\"").Append(N(p.Left)).Append("\" y=\"").Append(N(p.Top)).Append("\" width=\"").Append(N(p.Right - p.Left)).Append("\" height=\"").Append(N(p.Bottom - p.Top)).Append("\" fill=\"none\" stroke=\"#888\"/>\n");
        sb.Append("<text x=\"").Append(N((p.Left + p.Right) / 2)).Append("\" y=\"").Append(N(p.Bottom + 32)).Append("\" text-anchor=\"middle\">").Append(Escape(xTitle)).Append("</text>\n");
        sb.Append("<text transform=\"translate(").Append(N(p.Left - 36)).Append(',').Append(N((p.Top + p.Bottom) / 2)).Append(") rotate(-90)\" text-anchor=\"middle\">").Append(Escape(yTitle)).Append("</text>\n");
    }

    /// <summary>The dashed y = x line: perfect calibration, or a random classifier.</summary>
    public static void Diagonal(StringBuilder sb, Plot p) =>
        sb.Append("<line x1=\"").Append(N(p.X(0))).Append("\" y1=\"").Append(N(p.Y(0))).Append("\" x2=\"").Append(N(p.X(1))).Append("\" y2=\"").Append(N(p.Y(1)))
          .Append("\" stroke=\"#999\" stroke-dasharray=\"4 4\"/>\n");

    /// <summary>A polyline through data points.</summary>
    public static void Line(StringBuilder sb, Plot p, IEnumerable<(double X, double Y)> points, string color, bool dashed, bool markers)
    {
        var list = points.ToList();
        if (list.Count == 0)
        {
            return;
        }

        sb.Append("<polyline fill=\"none\" stroke=\"").Append(color).Append("\" stroke-width=\"2\"").Append(dashed ? " stroke-dasharray=\"6 3\"" : string.Empty).Append(" points=\"")
          .AppendJoin(' ', list.Select(pt => N(p.X(pt.X)) + "," + N(p.Y(pt.Y)))).Append("\"/>\n");
        if (markers)
        {
            foreach (var pt in list)
            {
                sb.Append("<circle cx=\"").Append(N(p.X(pt.X))).Append("\" cy=\"").Append(N(p.Y(pt.Y))).Append("\" r=\"3\" fill=\"").Append(color).Append("\"/>\n");
            }
        }
    }

    /// <summary>A legend: one coloured swatch and label per entry, top-left inside the plot.</summary>
    public static void Legend(StringBuilder sb, Plot p, IEnumerable<(string Label, string Color, bool Dashed)> entries)
    {
        var y = p.Top + 14;
        foreach (var (label, color, dashed) in entries)
        {
            sb.Append("<line x1=\"").Append(N(p.Left + 8)).Append("\" y1=\"").Append(N(y - 4)).Append("\" x2=\"").Append(N(p.Left + 28)).Append("\" y2=\"").Append(N(y - 4))
              .Append("\" stroke=\"").Append(color).Append("\" stroke-width=\"2\"").Append(dashed ? " stroke-dasharray=\"4 3\"" : string.Empty).Append("/>\n");
            sb.Append("<text x=\"").Append(N(p.Left + 33)).Append("\" y=\"").Append(N(y)).Append("\">").Append(Escape(label)).Append("</text>\n");
            y += 15;
        }
    }
}

/// <summary>A rectangular plot area mapping data coordinates to pixels.</summary>
internal sealed record Plot(double Left, double Top, double Right, double Bottom, double XMin = 0, double XMax = 1, double YMin = 0, double YMax = 1)
{
    /// <summary>Pixel x of a data x.</summary>
    public double X(double v) => Left + ((Math.Clamp(v, XMin, XMax) - XMin) / (XMax - XMin) * (Right - Left));

    /// <summary>Pixel y of a data y (up is larger).</summary>
    public double Y(double v) => Bottom - ((Math.Clamp(v, YMin, YMax) - YMin) / (YMax - YMin) * (Bottom - Top));
}
