namespace ModelGate.Faults.Tests;

/// <summary>A user's mistake never shows a stack trace or an exception type.</summary>
internal static class StackTraces
{
    public static void AssertNone(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Assert.False(line.StartsWith("   at ", StringComparison.Ordinal), $"stack trace line: {line}");
            Assert.DoesNotContain("System.", line, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", line, StringComparison.Ordinal);
        }
    }
}
