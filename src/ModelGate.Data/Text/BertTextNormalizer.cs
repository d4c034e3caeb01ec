using System.Globalization;
using System.Reflection;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace ModelGate.Data.Text;

/// <summary>
/// BERT's text clean-up before WordPiece, done here rather than by Microsoft.ML.Tokenizers' own normalizer because
/// that one strips accents with String.Normalize, which leaves non-ASCII text unchanged under .NET's invariant
/// globalization (the tool runs in that mode so that it needs no ICU). Steps, as the original BERT BasicTokenizer:
/// drop NUL, U+FFFD and control/format characters; whitespace becomes a space; CJK ideographs get spaces around
/// them; then, when uncased, lower-case and strip accents (each code point's canonical decomposition without its
/// non-spacing marks, from a table generated with Python's unicodedata: accents.txt).
/// </summary>
internal sealed class BertTextNormalizer(bool uncased) : Normalizer
{
    private static readonly Lazy<Dictionary<int, string>> Accents = new(LoadAccents);

    public override string Normalize(string original) => Normalize(original.AsSpan());

    public override string Normalize(ReadOnlySpan<char> original)
    {
        var sb = new StringBuilder(original.Length + 8);
        foreach (var rune in original.EnumerateRunes())
        {
            var cp = rune.Value;
            if (cp == 0 || cp == 0xFFFD || IsControl(cp))
            {
                continue;
            }

            if (IsWhitespace(cp))
            {
                sb.Append(' ');
            }
            else if (IsCjk(cp))
            {
                Append(sb.Append(' '), rune).Append(' ');
            }
            else if (!uncased)
            {
                Append(sb, rune);
            }
            else
            {
                var lower = Rune.ToLowerInvariant(rune);
                if (Rune.GetUnicodeCategory(lower) == UnicodeCategory.NonSpacingMark)
                {
                    continue;
                }

                if (lower.Value is >= HangulFirst and <= HangulLast)
                {
                    AppendHangulJamo(sb, lower.Value);
                }
                else if (Accents.Value.TryGetValue(lower.Value, out var bare))
                {
                    sb.Append(bare);
                }
                else
                {
                    Append(sb, lower);
                }
            }
        }

        return sb.ToString();
    }

    private static StringBuilder Append(StringBuilder sb, Rune rune)
    {
        Span<char> units = stackalloc char[2];
        return sb.Append(units[..rune.EncodeToUtf16(units)]);
    }

    private const int HangulFirst = 0xAC00;
    private const int HangulLast = 0xD7A3;

    /// <summary>A Hangul syllable's canonical decomposition into leading, vowel and (when there is one) trailing jamo (Unicode §3.12).</summary>
    private static void AppendHangulJamo(StringBuilder sb, int syllable)
    {
        var index = syllable - HangulFirst;
        sb.Append((char)(0x1100 + (index / 588))).Append((char)(0x1161 + (index % 588 / 28)));
        if (index % 28 != 0)
        {
            sb.Append((char)(0x11A7 + (index % 28)));
        }
    }

    private static bool IsWhitespace(int cp) => cp is ' ' or '\t' or '\n' or '\r' || CharUnicodeInfo.GetUnicodeCategory(cp) == UnicodeCategory.SpaceSeparator;

    private static bool IsControl(int cp) =>
        cp is not ('\t' or '\n' or '\r') && CharUnicodeInfo.GetUnicodeCategory(cp) is UnicodeCategory.Control or UnicodeCategory.Format;

    private static bool IsCjk(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF) or (>= 0x2A700 and <= 0x2B73F)
            or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);

    private static Dictionary<int, string> LoadAccents()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("ModelGate.Data.Text.accents.txt")
            ?? throw new InvalidOperationException("the accent table is missing from ModelGate.Data");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ');
            var bare = string.Concat(parts.Skip(1).Select(p => char.ConvertFromUtf32(int.Parse(p, NumberStyles.HexNumber, CultureInfo.InvariantCulture))));
            table[int.Parse(parts[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = bare;
        }

        return table;
    }
}
