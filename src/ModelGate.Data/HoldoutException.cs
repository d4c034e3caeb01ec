using ModelGate.Core.Errors;
using ModelGate.Core.Text;

namespace ModelGate.Data;

/// <summary>
/// A holdout file cannot be read as the user meant: names the file, line, column and value, and says the fix.
/// The message is one line, meant to be shown without a stack trace.
/// </summary>
internal sealed class HoldoutException : ModelGateException
{
    /// <summary>Creates the exception with its parts; the message is composed from them.</summary>
    public HoldoutException(string file, long? line, string? column, string? value, string problem, string fix, Exception? inner = null)
        : base(Compose(file, line, column, problem, fix), inner)
    {
        File = file;
        Line = line;
        Column = column;
        Value = value;
        Problem = problem;
        Fix = fix;
    }

    /// <summary>Creates an exception with a message only (kept for serializers and analyzers).</summary>
    public HoldoutException()
        : this(string.Empty, null, null, null, "unreadable holdout", "check the file")
    {
    }

    /// <summary>Creates an exception with a message only (kept for serializers and analyzers).</summary>
    public HoldoutException(string message)
        : base(message)
    {
        File = string.Empty;
        Problem = message;
        Fix = string.Empty;
    }

    /// <summary>Creates an exception with a message and cause (kept for serializers and analyzers).</summary>
    public HoldoutException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Problem = message;
        Fix = string.Empty;
    }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>The 1-based physical line in the file (the decompressed text for .gz), when the problem has one.</summary>
    public long? Line { get; }

    /// <summary>The column name, when the problem is in one column.</summary>
    public string? Column { get; }

    /// <summary>The offending value as text, when there is one.</summary>
    public string? Value { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>How to fix it.</summary>
    public string Fix { get; }

    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.InputData;

    private static string Compose(string file, long? line, string? column, string problem, string fix)
    {
        var where = file;
        if (line is { } l)
        {
            where += FormattableString.Invariant($": line {l}");
        }

        if (column is not null)
        {
            where += (line is null ? ": " : ", ") + "column " + ConsoleText.Preview(column, 80);
        }

        return where + ": " + problem + "; " + fix + ".";
    }
}
