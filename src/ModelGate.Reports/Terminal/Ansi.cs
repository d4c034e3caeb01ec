namespace ModelGate.Reports.Terminal;

/// <summary>ANSI SGR colours for the console table; a no-op when colours are off.</summary>
internal sealed record Ansi(bool Enabled)
{
    public string Red(string s) => Wrap("31", s);

    public string Green(string s) => Wrap("32", s);

    public string Yellow(string s) => Wrap("33", s);

    public string Cyan(string s) => Wrap("36", s);

    public string Dim(string s) => Wrap("90", s);

    public string Bold(string s) => Wrap("1", s);

    private string Wrap(string code, string s) => Enabled ? $"\u001b[{code}m{s}\u001b[0m" : s;
}
