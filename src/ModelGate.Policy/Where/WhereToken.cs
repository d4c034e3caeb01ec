namespace ModelGate.Policy.Where;

/// <summary>Kinds of tokens in a <c>where</c> expression.</summary>
internal enum WhereTokenKind
{
    /// <summary>A column name (bare or in backquotes).</summary>
    Identifier,

    /// <summary>A number literal.</summary>
    Number,

    /// <summary>A 'quoted' string literal.</summary>
    Text,

    /// <summary>One of == != &lt; &lt;= &gt; &gt;=.</summary>
    Comparison,

    /// <summary>and, or, not, in, is, missing.</summary>
    Keyword,

    /// <summary>( ) [ ] ,</summary>
    Punctuation,

    /// <summary>The end of the expression.</summary>
    End,
}

/// <summary>One token and where it starts (0-based offset).</summary>
internal sealed record WhereToken(WhereTokenKind Kind, string Text, int Offset, double Number = 0);
