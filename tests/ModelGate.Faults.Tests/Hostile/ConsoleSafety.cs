namespace ModelGate.Faults.Tests.Hostile;

/// <summary>What no line ModelGate prints may hold, whatever the data: raw control characters or workflow commands.</summary>
internal static class ConsoleSafety
{
    /// <summary>Fails when <paramref name="text"/> has a control character other than newline and tab, or a line the Actions runner would execute.</summary>
    public static void AssertInert(string caseName, string text, bool annotationsAllowed = false)
    {
        foreach (var c in text)
        {
            Assert.False(char.IsControl(c) && c is not '\n' and not '\t', $"{caseName}: raw control character U+{(int)c:X4} in the output");
        }

        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart();
            var isOurAnnotation = annotationsAllowed && (trimmed.StartsWith("::error file=", StringComparison.Ordinal)
                || trimmed.StartsWith("::warning file=", StringComparison.Ordinal) || trimmed.StartsWith("::notice ", StringComparison.Ordinal));
            Assert.False(trimmed.StartsWith("::", StringComparison.Ordinal) && !isOurAnnotation, $"{caseName}: a workflow command reaches the log: {line}");
            Assert.False(line.Contains("##[", StringComparison.Ordinal), $"{caseName}: a legacy workflow command reaches the log: {line}");
        }
    }
}
