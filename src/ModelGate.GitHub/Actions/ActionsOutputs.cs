using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelGate.GitHub.Actions;

/// <summary>Step outputs through <c>$GITHUB_OUTPUT</c>, each in the heredoc form with a fresh random delimiter.</summary>
internal static partial class ActionsOutputs
{
    /// <summary>
    /// Appends <c>name&lt;&lt;DELIMITER</c>, the value, and the delimiter for each output. The delimiter is random
    /// (so a value cannot end the block early and inject other outputs) and re-drawn if the value contains it.
    /// </summary>
    public static void Append(string path, IEnumerable<KeyValuePair<string, string>> outputs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(outputs);
        var text = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            if (!NameShape().IsMatch(name))
            {
                throw new ArgumentException($"output name '{name}' must be letters, digits, '_' or '-'", nameof(outputs));
            }

            var delimiter = NewDelimiter();
            while (value.Contains(delimiter, StringComparison.Ordinal))
            {
                delimiter = NewDelimiter();
            }

            text.Append(name).Append("<<").Append(delimiter).Append('\n')
                .Append(value).Append('\n')
                .Append(delimiter).Append('\n');
        }

        File.AppendAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string NewDelimiter() => "ghadelimiter_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    [GeneratedRegex("^[A-Za-z0-9_-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex NameShape();
}
