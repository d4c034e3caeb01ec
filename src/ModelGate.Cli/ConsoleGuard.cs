using System.Text;
using ModelGate.Core.Text;

namespace ModelGate.Cli;

/// <summary>
/// Wraps standard output or error so that no line reaches a terminal or CI log with a raw control character or as a
/// workflow command: the last line of defence behind <see cref="ConsoleText"/>, which the messages use themselves.
/// Lines are held until their newline so a line start is always known. ModelGate's own workflow commands
/// (annotations) go through <see cref="Raw"/>.
/// </summary>
internal sealed class ConsoleGuard : TextWriter
{
    private readonly StringBuilder _line = new();
    private readonly bool _allowColours;

    /// <summary>Guards <paramref name="inner"/>; <paramref name="allowColours"/> lets ESC through (only for a terminal, where the table is coloured).</summary>
    public ConsoleGuard(TextWriter inner, bool allowColours)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Raw = inner;
        _allowColours = allowColours;
    }

    /// <summary>The unguarded writer, for ModelGate's own escaped workflow commands.</summary>
    public TextWriter Raw { get; }

    /// <inheritdoc />
    public override Encoding Encoding => Raw.Encoding;

    /// <summary>The unguarded writer behind <paramref name="writer"/>, or the writer itself.</summary>
    public static TextWriter RawOf(TextWriter writer) => writer is ConsoleGuard guard ? guard.Raw : writer;

    /// <inheritdoc />
    public override void Write(char value)
    {
        switch (value)
        {
            case '\n':
                EndLine();
                break;
            case '\t':
                _line.Append(value);
                break;
            case '\u001b' when _allowColours:
                _line.Append(value);
                break;
            default:
                ConsoleText.AppendEscaped(_line, value);
                break;
        }
    }

    /// <inheritdoc />
    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    /// <inheritdoc />
    public override void WriteLine(string? value)
    {
        Write(value);
        EndLine();
    }

    /// <inheritdoc />
    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Raw.FlushAsync();
    }

    /// <inheritdoc />
    public override Task WriteLineAsync() => WriteLineAsync(string.Empty);

    /// <summary>Flushes the lines already ended; a line still open waits for its newline (its start must stay known).</summary>
    public override void Flush() => Raw.Flush();

    /// <summary>Writes a line not yet ended by a newline (at the end of a command).</summary>
    public void Complete()
    {
        if (_line.Length > 0)
        {
            Raw.Write(ConsoleText.Defuse(_line.ToString()));
            _line.Clear();
        }

        Raw.Flush();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Complete();
        }

        base.Dispose(disposing);
    }

    private void EndLine()
    {
        Raw.Write(ConsoleText.Defuse(_line.ToString()));
        Raw.Write('\n');
        _line.Clear();
    }
}
