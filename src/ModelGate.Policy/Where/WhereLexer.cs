using System.Globalization;
using System.Text;

namespace ModelGate.Policy.Where;

/// <summary>Splits a <c>where</c> expression into tokens.</summary>
internal static class WhereLexer
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal) { "and", "or", "not", "in", "is", "missing" };

    /// <summary>The tokens, ending with <see cref="WhereTokenKind.End"/>.</summary>
    public static IReadOnlyList<WhereToken> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<WhereToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(new WhereToken(Keywords.Contains(word) ? WhereTokenKind.Keyword : WhereTokenKind.Identifier, word, start));
            }
            else if (c == '`')
            {
                var end = text.IndexOf('`', i + 1);
                if (end < 0)
                {
                    throw new WhereSyntaxException("unclosed `backquoted` column name; add the closing `", i);
                }

                tokens.Add(new WhereToken(WhereTokenKind.Identifier, text[(i + 1)..end], i));
                i = end + 1;
            }
            else if (char.IsAsciiDigit(c) || (c is '-' or '.' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '.')))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (c is '\'' or '"')
            {
                tokens.Add(ReadText(text, ref i));
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                var two = i + 1 < text.Length ? text.Substring(i, 2) : string.Empty;
                if (two is "==" or "!=" or "<=" or ">=")
                {
                    tokens.Add(new WhereToken(WhereTokenKind.Comparison, two, i));
                    i += 2;
                }
                else if (c is '<' or '>')
                {
                    tokens.Add(new WhereToken(WhereTokenKind.Comparison, c.ToString(), i));
                    i++;
                }
                else
                {
                    throw new WhereSyntaxException(c == '=' ? "use '==' to compare, not '='" : "'!' must be followed by '=' ('!='); use 'not' to negate", i);
                }
            }
            else if (c is '(' or ')' or '[' or ']' or ',')
            {
                tokens.Add(new WhereToken(WhereTokenKind.Punctuation, c.ToString(), i));
                i++;
            }
            else
            {
                throw new WhereSyntaxException($"unexpected character '{c}'; column names with unusual characters go in `backquotes`, text in 'single quotes'", i);
            }
        }

        tokens.Add(new WhereToken(WhereTokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static WhereToken ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] == '-')
        {
            i++;
        }

        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.' ||
            ((text[i] is 'e' or 'E') && i + 1 < text.Length) ||
            (text[i] is '+' or '-' && text[i - 1] is 'e' or 'E')))
        {
            i++;
        }

        var literal = text[start..i];
        if (!double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new WhereSyntaxException($"'{literal}' is not a number", start);
        }

        return new WhereToken(WhereTokenKind.Number, literal, start, value);
    }

    private static WhereToken ReadText(string text, ref int i)
    {
        var quote = text[i];
        var start = i++;
        var value = new StringBuilder();
        while (i < text.Length)
        {
            if (text[i] == quote)
            {
                // A doubled quote inside the literal stands for one quote, as in SQL.
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }

                i++;
                return new WhereToken(WhereTokenKind.Text, value.ToString(), start);
            }

            value.Append(text[i++]);
        }

        throw new WhereSyntaxException($"unclosed string; add the closing {quote}", start);
    }
}
