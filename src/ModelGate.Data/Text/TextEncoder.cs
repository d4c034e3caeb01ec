using System.Globalization;
using Microsoft.ML.Tokenizers;
using ModelGate.Core.Text;

namespace ModelGate.Data.Text;

/// <summary>One text's encoding: how many WordPiece tokens it had, and whether some were cut.</summary>
internal readonly record struct TextEncoding(int Tokens, bool Truncated);

/// <summary>
/// Encodes text cells into fixed-length token id, mask and type rows with a WordPiece vocabulary, through
/// Microsoft.ML.Tokenizers' BertTokenizer (its WordPiece) after <see cref="BertTextNormalizer"/> and
/// <see cref="BertPreTokenizer"/>.
/// Checked against an independent implementation of the original BERT algorithm (tests/fixtures/text).
/// </summary>
internal sealed class TextEncoder
{
    private readonly BertTokenizer _tokenizer;
    private readonly TextSpec _spec;

    private TextEncoder(BertTokenizer tokenizer, TextSpec spec)
    {
        _tokenizer = tokenizer;
        _spec = spec;
    }

    /// <summary>Opens the vocabulary; a missing, oversized or unusable file is a one-line error naming it.</summary>
    public static TextEncoder Open(TextSpec spec, string holdoutPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var shown = ConsoleText.Preview(spec.Vocabulary, 120);
        var file = new FileInfo(spec.Vocabulary);
        if (!file.Exists)
        {
            throw Error(holdoutPath, spec, $"the vocabulary {shown} does not exist", "point text.vocabulary at the model's vocab.txt (one token a line)");
        }

        if (file.Length > TextSpec.MaxVocabularyBytes)
        {
            throw Error(holdoutPath, spec, string.Create(CultureInfo.InvariantCulture, $"the vocabulary {shown} is {file.Length:N0} bytes, over the limit of {TextSpec.MaxVocabularyBytes:N0}"), "use the model's own vocab.txt");
        }

        if (spec.MaxLength is < 3 or > TextSpec.LongestSequence)
        {
            throw Error(holdoutPath, spec, string.Create(CultureInfo.InvariantCulture, $"max_length {spec.MaxLength} is out of range"), string.Create(CultureInfo.InvariantCulture, $"give a length from 3 to {TextSpec.LongestSequence}, as the model was trained with"));
        }

        BertTokenizer tokenizer;
        try
        {
            tokenizer = BertTokenizer.Create(spec.Vocabulary, new BertOptions
            {
                Normalizer = new BertTextNormalizer(spec.Uncased),
                PreTokenizer = BertPreTokenizer.Instance,
                SplitOnSpecialTokens = false,
                LowerCaseBeforeTokenization = false,
                RemoveNonSpacingMarks = false,
                IndividuallyTokenizeCjk = false,
            });
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IOException)
        {
            throw Error(holdoutPath, spec, $"the vocabulary {shown} cannot be used ({ConsoleText.Preview(ex.Message, 120)})", "give a WordPiece vocab.txt with [PAD], [UNK], [CLS] and [SEP]");
        }

        return new TextEncoder(tokenizer, spec);
    }

    /// <summary>Encodes one cell into the three rows (each <see cref="TextSpec.MaxLength"/> long); <paramref name="line"/> names the row in errors.</summary>
    public TextEncoding Encode(string text, Span<long> ids, Span<long> mask, Span<long> types, string holdoutPath, long line)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > _spec.MaxChars)
        {
            throw new HoldoutException(holdoutPath, line, _spec.Column, null,
                string.Create(CultureInfo.InvariantCulture, $"the text has {text.Length:N0} characters, over the limit of {_spec.MaxChars:N0}"),
                "shorten it, or raise text.max_chars in the policy");
        }

        var tokens = _tokenizer.EncodeToIds(text, addSpecialTokens: false);
        var room = _spec.MaxLength - 2;
        var kept = Math.Min(tokens.Count, room);
        if (tokens.Count > room && _spec.Overflow == TextOverflow.Refuse)
        {
            throw new HoldoutException(holdoutPath, line, _spec.Column, null,
                string.Create(CultureInfo.InvariantCulture, $"the text is {tokens.Count} tokens, more than the {room} that fit in max_length {_spec.MaxLength} with [CLS] and [SEP]"),
                "shorten it, or set text.overflow: truncate");
        }

        ids[0] = _tokenizer.ClassificationTokenId;
        for (var i = 0; i < kept; i++)
        {
            ids[i + 1] = tokens[i];
        }

        ids[kept + 1] = _tokenizer.SeparatorTokenId;
        ids[(kept + 2)..].Fill(_tokenizer.PaddingTokenId);
        mask[..(kept + 2)].Fill(1);
        mask[(kept + 2)..].Clear();
        types.Clear();
        return new TextEncoding(tokens.Count, tokens.Count > room);
    }

    private static HoldoutException Error(string holdoutPath, TextSpec spec, string problem, string fix) =>
        new(holdoutPath, null, spec.Column, null, problem, fix);
}
