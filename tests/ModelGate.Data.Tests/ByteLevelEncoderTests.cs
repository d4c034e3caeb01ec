using System.Text.Json;
using ModelGate.Data.Text;

namespace ModelGate.Data.Tests;

/// <summary>
/// The byte-level tokenizers against independent JavaScript implementations, on the tricky strings of
/// tests/fixtures/text/tricky-texts.json (accents composed and decomposed, emoji with joiners and flags, CJK and Hangul,
/// other scripts, a 105-character word, URLs, code, contractions, whitespace runs, zero-width and control characters,
/// a text past the length, empty text): tiktoken (cl100k_base, o200k_base) against js-tiktoken
/// (tests/fixtures/text/tiktoken), and a GPT-2-style BPE (a vocab.json and merges.txt with GPT-2's first 2,000 merges)
/// against gpt-3-encoder, a port of OpenAI's GPT-2 encoder (tests/fixtures/text/bpe).
/// </summary>
public sealed class ByteLevelEncoderTests
{
    private static readonly string Folder = RepoPaths.Fixture("text");
    private static readonly JsonElement TiktokenCases = ExpectedCases.Load(Path.Combine(Folder, "tiktoken"));
    private static readonly JsonElement BpeCases = ExpectedCases.Load(Path.Combine(Folder, "bpe"));

    public static TheoryData<int> TiktokenIndexes => ExpectedCases.Indexes(TiktokenCases);

    public static TheoryData<int> BpeIndexes => ExpectedCases.Indexes(BpeCases);

    private static TextEncoder Tiktoken(string encoding, int maxLength, TextOverflow overflow = TextOverflow.Truncate) =>
        TextEncoder.Open(new TextSpec { Column = "text", Tokenizer = TextTokenizer.Tiktoken, Encoding = encoding, MaxLength = maxLength, Overflow = overflow }, "holdout.csv");

    private static TextSpec Bpe(int maxLength, string merges = "merges.txt") =>
        new() { Column = "text", Tokenizer = TextTokenizer.Bpe, Vocabulary = Path.Combine(Folder, "bpe", "vocab.json"), Merges = Path.Combine(Folder, "bpe", merges), MaxLength = maxLength };

    [Theory]
    [MemberData(nameof(TiktokenIndexes))]
    public void Tiktoken_matches_js_tiktoken(int index)
    {
        var c = TiktokenCases[index];
        ExpectedCases.AssertEncodes(Tiktoken(c.GetProperty("encoding").GetString()!, c.GetProperty("max_length").GetInt32()), c);
    }

    [Theory]
    [MemberData(nameof(BpeIndexes))]
    public void Bpe_matches_gpt_3_encoder(int index)
    {
        var c = BpeCases[index];
        ExpectedCases.AssertEncodes(TextEncoder.Open(Bpe(c.GetProperty("max_length").GetInt32()), "holdout.csv"), c);
    }

    [Fact]
    public void A_text_that_does_not_fit_is_refused_when_the_policy_says_so()
    {
        var ex = Assert.Throws<HoldoutException>(() => Tiktoken("cl100k_base", 4, TextOverflow.Refuse).Encode("word word word word word", new long[4], new long[4], new long[4], "holdout.csv", 9));
        Assert.Equal("holdout.csv: line 9, column 'text': the text is 5 tokens, more than the 4 that fit in max_length 4; shorten it, or set text.overflow: truncate.", ex.Message);
    }

    [Fact]
    public void An_unknown_encoding_is_one_line_naming_the_ones_shipped()
    {
        var ex = Assert.Throws<HoldoutException>(() => Tiktoken("p50k_base", 8));
        Assert.Equal("holdout.csv: column 'text': the tiktoken encoding 'p50k_base' is not known; set text.encoding to one of cl100k_base, o200k_base.", ex.Message);
    }

    [Fact]
    public void A_single_token_sequence_is_allowed_and_zero_is_not()
    {
        var ids = new long[1];
        Tiktoken("o200k_base", 1).Encode("Hello world", ids, new long[1], new long[1], "holdout.csv", 2);
        Assert.NotEqual(0, ids[0]);
        Assert.Throws<HoldoutException>(() => Tiktoken("o200k_base", 0));
    }

    [Fact]
    public void A_missing_merges_file_names_it_and_the_key()
    {
        var ex = Assert.Throws<HoldoutException>(() => TextEncoder.Open(Bpe(8, "nowhere.txt"), "holdout.csv"));
        Assert.StartsWith("holdout.csv: column 'text': the merges file '", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("nowhere.txt' does not exist; point text.merges at the model's merges.txt.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bpe_vocabulary_that_is_not_json_is_one_line()
    {
        using var temp = new TempFolder("bpe");
        File.WriteAllText(temp.File("vocab.json"), "hello\nworld\n");
        var ex = Assert.Throws<HoldoutException>(() => TextEncoder.Open(Bpe(8) with { Vocabulary = temp.File("vocab.json") }, "holdout.csv"));
        Assert.Contains("cannot be used", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
