using System.Text.RegularExpressions;

namespace ModelGate.Reports.Text;

/// <summary>Keeps <c>@user</c> and <c>@org/team</c> readable in Markdown while GitHub notifies nobody (a zero-width space follows the '@').</summary>
internal static partial class Mentions
{
    /// <summary>The text with every '@' that starts a name followed by a zero-width space.</summary>
    public static string Neutralise(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        return Start().Replace(markdown, "@\u200B");
    }

    [GeneratedRegex("@(?=[A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Start();
}
