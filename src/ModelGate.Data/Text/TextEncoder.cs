using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.ML.Tokenizers;
using ModelGate.Core.Text;

namespace ModelGate.Data.Text;

/// <summary>One text's encoding: how many tokens it had (special tokens not counted), and whether some were cut.</summary>
internal readonly record struct TextEncoding(int Tokens, bool Truncated);

/// <summary>
/// Encodes text cells into fixed-length token id, mask and type rows, through Microsoft.ML.Tokenizers: with a WordPiece
/// vocabulary (its BertTokenizer after <see cref="BertTextNormalizer"/> and <see cref="BertPreTokenizer"/>; [CLS] tokens
/// [SEP], padded with [PAD]), a tiktoken encoding (its TiktokenTokenizer with the vocabulary data packages; the tokens
/// alone, padded with id 0 under mask 0, since tiktoken has no padding token), a GPT-2-style BPE (framed as tiktoken) or
/// a SentencePiece model (its SentencePieceTokenizer, BPE or unigram; [&lt;s&gt;] tokens [&lt;/s&gt;] as the policy says,
/// padded with the model's pad id, else 0, under mask 0).
/// Checked against independent implementations: the original BERT algorithm (tests/fixtures/text), js-tiktoken
/// (tests/fixtures/text/tiktoken), gpt-3-encoder (tests/fixtures/text/bpe) and Google's sentencepiece compiled to
/// WebAssembly (tests/fixtures/text/sentencepiece).
/// </summary>
internal sealed partial class TextEncoder
{
    private readonly Tokenizer _tokenizer;
    private readonly TextSpec _spec;

    // The framing: [CLS] and [SEP] around the tokens and the padding id (WordPiece), none and 0 (tiktoken, BPE), or the
    // model's <s> and </s> as the policy asks and its pad id (SentencePiece); the names say it in messages.
    private readonly int? _first;
    private readonly int? _last;
    private readonly int _padding;
    private readonly string _framing;

    private TextEncoder(Tokenizer tokenizer, TextSpec spec, int? first, int? last, int padding, string framing = "")
    {
        _tokenizer = tokenizer;
        _spec = spec;
        _first = first;
        _last = last;
        _padding = padding;
        _framing = framing;
    }

    /// <summary>Opens the vocabulary or the encoding; a missing, oversized or unusable file or an unknown encoding is a one-line error naming it.</summary>
    public static TextEncoder Open(TextSpec spec, string holdoutPath)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Tokenizer switch
        {
            TextTokenizer.Tiktoken => OpenTiktoken(spec, holdoutPath),
            TextTokenizer.Bpe => OpenBpe(spec, holdoutPath),
            TextTokenizer.SentencePiece => OpenSentencePiece(spec, holdoutPath),
            _ => OpenWordPiece(spec, holdoutPath),
        };
    }

    // A SentencePiece model file (ModelProto): BPE or unigram, with the normalisation it was trained with. ModelGate
    // frames the tokens itself (<s> and </s> by the policy, the pad id from the file), so the tokenizer adds neither.
    private static TextEncoder OpenSentencePiece(TextSpec spec, string holdoutPath)
    {
        var path = CheckFile(spec, holdoutPath, spec.Vocabulary, "SentencePiece model", "tokenizer.model (or spiece.model)", "point text.vocabulary at the model's SentencePiece .model file");
        var shown = ConsoleText.Preview(path, 120);
        const string Fix = "give the SentencePiece .model file the model was trained with (tokenizer.model, spiece.model, sentencepiece.bpe.model)";
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Error(holdoutPath, spec, $"the SentencePiece model {shown} cannot be read ({ConsoleText.Preview(ex.Message, 120)})", Fix);
        }

        var header = SentencePieceHeader.Read(bytes);
        if (header is null)
        {
            throw Error(holdoutPath, spec, $"the SentencePiece model {shown} is not a SentencePiece model file", Fix);
        }

        if (header.ModelType is not ("bpe" or "unigram"))
        {
            throw Error(holdoutPath, spec, $"the SentencePiece model {shown} is a {header.ModelType} model; ModelGate tokenizes with bpe and unigram SentencePiece models", "tokenize the text yourself and pass --scores, or use a bpe or unigram model");
        }

        if (spec.AddBos && header.Bos < 0)
        {
            throw Error(holdoutPath, spec, $"the SentencePiece model {shown} has no <s> piece (bos_id -1)", "set text.add_bos: false");
        }

        if (spec.AddEos && header.Eos < 0)
        {
            throw Error(holdoutPath, spec, $"the SentencePiece model {shown} has no </s> piece (eos_id -1)", "set text.add_eos: false");
        }

        CheckLength(spec, holdoutPath, 1 + (spec.AddBos ? 1 : 0) + (spec.AddEos ? 1 : 0));
        SentencePieceTokenizer tokenizer;
        try
        {
            using var stream = new MemoryStream(header.Loadable(bytes), writable: false);
            tokenizer = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IOException or NotSupportedException or IndexOutOfRangeException)
        {
            throw Error(holdoutPath, spec, $"the SentencePiece model {shown} cannot be used ({ConsoleText.Preview(ex.Message, 120)})", Fix);
        }

        try
        {
            // A damaged file can load and still fail on text: try it once here, so that the error names the file, not a row.
            tokenizer.EncodeToIds(Probe);
        }
        catch (Exception ex) when (FailedOnText(ex))
        {
            throw Error(holdoutPath, spec, $"the SentencePiece model {shown} is damaged ({ex.GetType().Name} on a test text)", Fix);
        }

        var framing = (spec.AddBos, spec.AddEos) switch
        {
            (true, true) => " with <s> and </s>",
            (true, false) => " with <s>",
            (false, true) => " with </s>",
            _ => "",
        };
        return new TextEncoder(tokenizer, spec, spec.AddBos ? header.Bos : null, spec.AddEos ? header.Eos : null, Math.Max(header.Pad, 0), framing);
    }

    // GPT-2's byte-level BPE: its pre-tokenizing pattern, then Microsoft.ML.Tokenizers' BpeTokenizer on the UTF-8 bytes
    // mapped to GPT-2's symbols (ByteLevel), no prefix space, no special tokens added.
    private static TextEncoder OpenBpe(TextSpec spec, string holdoutPath)
    {
        var vocabulary = CheckFile(spec, holdoutPath, spec.Vocabulary, "vocabulary", "vocab.json", "point text.vocabulary at the model's vocab.json");
        var merges = CheckFile(spec, holdoutPath, spec.Merges, "merges file", "merges.txt", "point text.merges at the model's merges.txt");
        CheckLength(spec, holdoutPath, 1);
        try
        {
            var tokenizer = BpeTokenizer.Create(new BpeOptions(vocabulary, merges)
            {
                ByteLevel = true,
                PreTokenizer = new RegexPreTokenizer(Gpt2Pattern(), null),
            });
            return new TextEncoder(tokenizer, spec, null, null, 0);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            throw Error(holdoutPath, spec, $"the BPE files {ConsoleText.Preview(vocabulary, 80)} and {ConsoleText.Preview(merges, 80)} cannot be used ({ConsoleText.Preview(ex.Message, 120)})", "give the model's GPT-2-style vocab.json (token to id) and merges.txt (one merge a line)");
        }
    }

    // What Microsoft.ML.Tokenizers throws when a token file that loaded is damaged inside and a text reaches the damage
    // (fuzzing found IndexOutOfRangeException; the others are its kin).
    private static bool FailedOnText(Exception ex) =>
        ex is IndexOutOfRangeException or ArgumentException or InvalidOperationException or KeyNotFoundException or NullReferenceException or OverflowException or FormatException;

    // Latin with accents and spaces, digits, punctuation, CJK, an emoji: one text through most of a model's tables.
    private const string Probe = "  Hello, Wörld! 123 ｶﾀｶﾅ 日本語 🤖 ▁x ";

    [GeneratedRegex(@"'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Gpt2Pattern();

    // A token file that exists and is not oversized (the noun names it in messages, the kind in the fix); returns its path.
    private static string CheckFile(TextSpec spec, string holdoutPath, string? path, string noun, string kind, string missingFix)
    {
        var shown = ConsoleText.Preview(path ?? "", 120);
        var file = new FileInfo(path ?? "");
        if (path is null || !file.Exists)
        {
            throw Error(holdoutPath, spec, $"the {noun} {shown} does not exist", missingFix);
        }

        if (file.Length > TextSpec.MaxVocabularyBytes)
        {
            throw Error(holdoutPath, spec, string.Create(CultureInfo.InvariantCulture, $"the {noun} {shown} is {file.Length:N0} bytes, over the limit of {TextSpec.MaxVocabularyBytes:N0}"), $"use the model's own {kind}");
        }

        return path;
    }

    private static TextEncoder OpenTiktoken(TextSpec spec, string holdoutPath)
    {
        var encoding = spec.Encoding ?? "";
        if (!TextSpec.TiktokenEncodings.Contains(encoding, StringComparer.Ordinal))
        {
            throw Error(holdoutPath, spec, $"the tiktoken encoding {ConsoleText.Preview(encoding, 60)} is not known", $"set text.encoding to one of {string.Join(", ", TextSpec.TiktokenEncodings)}");
        }

        CheckLength(spec, holdoutPath, 1);
        return new TextEncoder(TiktokenTokenizer.CreateForEncoding(encoding), spec, null, null, 0);
    }

    private static void CheckLength(TextSpec spec, string holdoutPath, int shortest)
    {
        if (spec.MaxLength < shortest || spec.MaxLength > TextSpec.LongestSequence)
        {
            throw Error(holdoutPath, spec, string.Create(CultureInfo.InvariantCulture, $"max_length {spec.MaxLength} is out of range"), string.Create(CultureInfo.InvariantCulture, $"give a length from {shortest} to {TextSpec.LongestSequence}, as the model was trained with"));
        }
    }

    private static TextEncoder OpenWordPiece(TextSpec spec, string holdoutPath)
    {
        var vocabulary = CheckFile(spec, holdoutPath, spec.Vocabulary, "vocabulary", "vocab.txt", "point text.vocabulary at the model's vocab.txt (one token a line)");
        var shown = ConsoleText.Preview(vocabulary, 120);

        CheckLength(spec, holdoutPath, 3);
        BertTokenizer tokenizer;
        try
        {
            tokenizer = BertTokenizer.Create(vocabulary, new BertOptions
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

        return new TextEncoder(tokenizer, spec, tokenizer.ClassificationTokenId, tokenizer.SeparatorTokenId, tokenizer.PaddingTokenId, " with [CLS] and [SEP]");
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

        IReadOnlyList<int> tokens;
        try
        {
            tokens = Tokenize(text);
        }
        catch (Exception ex) when (FailedOnText(ex))
        {
            // A token file that loads but is damaged inside (a pull request controls it) fails here, on some texts only.
            throw new HoldoutException(holdoutPath, line, _spec.Column, null,
                $"the {_spec.Tokenizer.ToString().ToLowerInvariant()} tokenizer from {ConsoleText.Preview(_spec.Vocabulary ?? _spec.Encoding ?? "", 120)} failed on this text ({ex.GetType().Name}: {ConsoleText.Preview(ex.Message, 100)}); the token file is damaged",
                "give the token file the model was trained with");
        }

        var framing = (_first is null ? 0 : 1) + (_last is null ? 0 : 1);
        var room = _spec.MaxLength - framing;
        var kept = Math.Min(tokens.Count, room);
        if (tokens.Count > room && _spec.Overflow == TextOverflow.Refuse)
        {
            throw new HoldoutException(holdoutPath, line, _spec.Column, null,
                string.Create(CultureInfo.InvariantCulture, $"the text is {tokens.Count} tokens, more than the {room} that fit in max_length {_spec.MaxLength}{_framing}"),
                "shorten it, or set text.overflow: truncate");
        }

        var at = 0;
        if (_first is { } first)
        {
            ids[at++] = first;
        }

        for (var i = 0; i < kept; i++)
        {
            ids[at++] = tokens[i];
        }

        if (_last is { } last)
        {
            ids[at++] = last;
        }

        ids[at..].Fill(_padding);
        mask[..at].Fill(1);
        mask[at..].Clear();
        types.Clear();
        return new TextEncoding(tokens.Count, tokens.Count > room);
    }

    private IReadOnlyList<int> Tokenize(string text) => _tokenizer switch
    {
        BertTokenizer bert => bert.EncodeToIds(text, addSpecialTokens: false),
        SentencePieceTokenizer { ByteFallback: false } sentencePiece => MergeUnknownRuns(sentencePiece.EncodeToIds(text), sentencePiece.UnknownId),
        _ => _tokenizer.EncodeToIds(text),
    };

    // SentencePiece itself emits a run of unknown pieces as one <unk> (sentencepiece_processor.cc, "Merges continuous run
    // of unknown pieces"; with byte fallback they become bytes instead); Microsoft.ML.Tokenizers 2.0.0 emits one <unk>
    // per piece, so a text with unknown characters would differ in ids and length from what the model was trained on.
    private static IReadOnlyList<int> MergeUnknownRuns(IReadOnlyList<int> tokens, int unknown)
    {
        List<int>? merged = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0 && tokens[i] == unknown && tokens[i - 1] == unknown)
            {
                merged ??= [.. tokens.Take(i)];
                continue;
            }

            merged?.Add(tokens[i]);
        }

        return merged ?? tokens;
    }

    private static HoldoutException Error(string holdoutPath, TextSpec spec, string problem, string fix) =>
        new(holdoutPath, null, spec.Column, null, problem, fix);
}
