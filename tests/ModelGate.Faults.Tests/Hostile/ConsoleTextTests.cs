using ModelGate.Cli;
using ModelGate.Core.Text;

namespace ModelGate.Faults.Tests.Hostile;

/// <summary>The one escaper, and the guard around standard output and error.</summary>
public sealed class ConsoleTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\nb\r\tc", "a\\nb\\r\\tc")]
    [InlineData("\u001b[31mred\u0007", "\\u001b[31mred\\u0007")]
    [InlineData("::error::x", "\\::error::x")]
    [InlineData("  ::add-mask::x", "  \\::add-mask::x")]
    [InlineData("a ##[set-output name=x]y", "a #\\#[set-output name=x]y")]
    [InlineData("\u202Eevil", "\\u202eevil")]
    [InlineData("a\n::error::x", "a\\n::error::x")]
    public void Escape_leaves_no_control_character_and_no_workflow_command(string text, string expected) =>
        Assert.Equal(expected, ConsoleText.Escape(text));

    [Fact]
    public void Preview_is_short_escaped_and_says_how_long_the_text_was()
    {
        Assert.Equal("'abc'", ConsoleText.Preview("abc"));
        Assert.Equal("'" + new string('x', 40) + "…' (100 characters)", ConsoleText.Preview(new string('x', 100)));
        Assert.Equal("'a\\nb'", ConsoleText.Preview("a\nb"));
    }

    [Fact]
    public void The_guard_defuses_lines_that_start_with_a_command_whoever_wrote_them()
    {
        var inner = new StringWriter();
        using (var guard = new ConsoleGuard(inner, allowColours: false))
        {
            guard.Write("ok\n::error::a");
            guard.Write("\n");
            guard.Write(":");
            guard.Flush();
            guard.WriteLine(":warning::b\u001b[2J");
            guard.Write("tail without newline");
        }

        Assert.Equal("ok\n\\::error::a\n\\::warning::b\\u001b[2J\ntail without newline", inner.ToString());
    }

    [Fact]
    public void The_guard_keeps_colours_only_for_a_terminal()
    {
        var inner = new StringWriter();
        using var guard = new ConsoleGuard(inner, allowColours: true);
        guard.WriteLine("\u001b[32mPASS\u001b[0m\r");
        Assert.Equal("\u001b[32mPASS\u001b[0m\\r\n", inner.ToString());
        Assert.Same(inner, ConsoleGuard.RawOf(guard));
    }
}
