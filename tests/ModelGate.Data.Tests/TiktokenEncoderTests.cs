using System.Text.Json;
using ModelGate.Data.Text;

namespace ModelGate.Data.Tests;

/// <summary>
/// tiktoken encoding (cl100k_base, o200k_base) against js-tiktoken, an independent JavaScript port of OpenAI's tiktoken
/// (tests/fixtures/text/tiktoken/make_expected.mjs), on tricky strings: accents composed and decomposed, emoji with
/// joiners and flags, CJK and Hangul, Greek, Cyrillic, Hebrew, Arabic and Devanagari, a 105-character word, URLs, code,
/// whitespace runs, zero-width and control characters, a text past the length, empty text.
/// </summary>
public sealed class TiktokenEncoderTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Fixture("text"), "tiktoken");
    private static readonly JsonElement Cases = ExpectedCases.Load(Folder);

    public static TheoryData<int> CaseIndexes => ExpectedCases.Indexes(Cases);

    private static TextEncoder Encoder(string encoding, int maxLength, TextOverflow overflow = TextOverflow.Truncate) =>
        TextEncoder.Open(new TextSpec { Column = "text", Tokenizer = TextTokenizer.Tiktoken, Encoding = encoding, MaxLength = maxLength, Overflow = overflow }, "holdout.csv");

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Matches_js_tiktoken(int index)
    {
        var c = Cases[index];
        var length = c.GetProperty("max_length").GetInt32();
        var (ids, mask, types) = (new long[length], new long[length], new long[length]);
        types.AsSpan().Fill(7);

        var encoding = Encoder(c.GetProperty("encoding").GetString()!, length).Encode(c.GetProperty("text").GetString()!, ids, mask, types, "holdout.csv", 2);

        ExpectedCases.AssertEncoded(c, ids, mask, types, encoding);
    }

    [Fact]
    public void A_text_that_does_not_fit_is_refused_when_the_policy_says_so()
    {
        var ex = Assert.Throws<HoldoutException>(() => Encoder("cl100k_base", 4, TextOverflow.Refuse).Encode("word word word word word", new long[4], new long[4], new long[4], "holdout.csv", 9));
        Assert.Equal("holdout.csv: line 9, column 'text': the text is 5 tokens, more than the 4 that fit in max_length 4; shorten it, or set text.overflow: truncate.", ex.Message);
    }

    [Fact]
    public void An_unknown_encoding_is_one_line_naming_the_ones_shipped()
    {
        var ex = Assert.Throws<HoldoutException>(() => Encoder("p50k_base", 8));
        Assert.Equal("holdout.csv: column 'text': the tiktoken encoding 'p50k_base' is not known; set text.encoding to one of cl100k_base, o200k_base.", ex.Message);
    }

    [Fact]
    public void A_single_token_sequence_is_allowed_and_zero_is_not()
    {
        var ids = new long[1];
        Encoder("o200k_base", 1).Encode("Hello world", ids, new long[1], new long[1], "holdout.csv", 2);
        Assert.NotEqual(0, ids[0]);
        Assert.Throws<HoldoutException>(() => Encoder("o200k_base", 0));
    }
}
