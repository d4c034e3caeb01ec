using System.Text;

namespace ModelGate.Policy.Printing;

/// <summary>
/// The one way policy YAML is written, line by line: two spaces per indent level, <c>\n</c> line ends, and an optional
/// trailing comment. The policy printer (<see cref="PolicyPrinter"/>) and <c>modelgate init</c> both write through it,
/// with scalars from <see cref="YamlText"/>.
/// </summary>
internal sealed class YamlWriter
{
    /// <summary>The column that trailing comments of block keys line up at.</summary>
    public const int CommentColumn = 37;

    private const int MinimumGap = 3;
    private readonly StringBuilder text = new();

    /// <summary>One line at an indent level (two spaces per level).</summary>
    public void Line(int indent, string line)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(indent);
        ArgumentNullException.ThrowIfNull(line);
        text.Append(' ', indent * 2).Append(line).Append('\n');
    }

    /// <summary>One line with a trailing <c># comment</c>, padded to <paramref name="column"/> and at least three spaces after the value.</summary>
    /// <param name="indent">The indent level.</param>
    /// <param name="line">The key and value.</param>
    /// <param name="comment">The comment, without its <c>#</c>.</param>
    /// <param name="column">The column the <c>#</c> should start at; 0 for just the minimum gap.</param>
    public void Line(int indent, string line, string comment, int column = CommentColumn)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(comment);
        var width = (indent * 2) + line.Length;
        Line(indent, line + new string(' ', Math.Max(MinimumGap, column - width)) + "# " + comment);
    }

    /// <summary>A whole-line comment at an indent level.</summary>
    public void Comment(int indent, string comment) => Line(indent, "# " + comment);

    /// <summary>An empty line.</summary>
    public void Blank() => text.Append('\n');

    /// <summary>The text written so far.</summary>
    public override string ToString() => text.ToString();
}
