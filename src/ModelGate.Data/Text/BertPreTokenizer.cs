using System.Globalization;
using System.Text;
using Microsoft.ML.Tokenizers;

namespace ModelGate.Data.Text;

/// <summary>
/// The original BERT word split, after <see cref="BertTextNormalizer"/>: words are separated by spaces, and every
/// punctuation character is a word of its own. Punctuation is BERT's: the ASCII symbols !"#$%&amp;'()*+,-./:;&lt;=&gt;?@[\]^_`{|}~
/// and every Unicode punctuation (P*) character. Microsoft.ML.Tokenizers' own BERT pre-tokenizer drops other symbols
/// (+, &gt;, emoji) instead, so "c++" would lose its pluses and "😀" would vanish rather than become [UNK].
/// </summary>
internal sealed class BertPreTokenizer : PreTokenizer
{
    public static BertPreTokenizer Instance { get; } = new();

    public override IEnumerable<(int Offset, int Length)> PreTokenize(string text) => Split(text ?? string.Empty);

    public override IEnumerable<(int Offset, int Length)> PreTokenize(ReadOnlySpan<char> text) => Split(text.ToString());

    private static List<(int Offset, int Length)> Split(string text)
    {
        var words = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i < text.Length;)
        {
            var rune = Rune.GetRuneAt(text, i);
            var width = rune.Utf16SequenceLength;
            if (Rune.IsWhiteSpace(rune) || IsPunctuation(rune))
            {
                if (start >= 0)
                {
                    words.Add((start, i - start));
                    start = -1;
                }

                if (!Rune.IsWhiteSpace(rune))
                {
                    words.Add((i, width));
                }
            }
            else if (start < 0)
            {
                start = i;
            }

            i += width;
        }

        if (start >= 0)
        {
            words.Add((start, text.Length - start));
        }

        return words;
    }

    private static bool IsPunctuation(Rune rune)
    {
        var cp = rune.Value;
        if (cp is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126))
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }
}
