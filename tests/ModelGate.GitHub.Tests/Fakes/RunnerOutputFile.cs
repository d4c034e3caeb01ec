namespace ModelGate.GitHub.Tests.Fakes;

/// <summary>Reads a $GITHUB_OUTPUT file the way the Actions runner does (name=value lines and name&lt;&lt;DELIMITER blocks).</summary>
internal static class RunnerOutputFile
{
    public static List<(string Name, string Value)> Parse(string text)
    {
        var result = new List<(string, string)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                var value = new List<string>();
                for (i++; lines[i] != delimiter; i++)
                {
                    value.Add(lines[i]);
                }

                result.Add((name, string.Join('\n', value)));
            }
            else
            {
                result.Add((line[..equals], line[(equals + 1)..]));
            }
        }

        return result;
    }
}
