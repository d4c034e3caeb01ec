using System.Text.Json;
using ModelGate.Data.Text;

namespace ModelGate.Data.Tests;

/// <summary>
/// WordPiece encoding against an independent implementation of the original BERT algorithm
/// (tests/fixtures/text/generator, plain Python), on tricky strings: accents, emoji, CJK and Hangul, punctuation and
/// symbols, control and zero-width characters, a 101-character word, repeated words past the length, empty text.
/// </summary>
public sealed class TextEncoderTests
{
    private static readonly string Folder = RepoPaths.Fixture("text");
    private static readonly JsonElement Cases = ExpectedCases.Load(Folder);

    public static TheoryData<int> CaseIndexes => ExpectedCases.Indexes(Cases);

    private static TextEncoder Encoder(int maxLength, TextOverflow overflow = TextOverflow.Truncate) =>
        TextEncoder.Open(new TextSpec { Column = "text", Vocabulary = Path.Combine(Folder, "vocab.txt"), MaxLength = maxLength, Overflow = overflow }, "holdout.csv");

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Matches_the_reference_tokenizer(int index)
    {
        var c = Cases[index];
        ExpectedCases.AssertEncodes(Encoder(c.GetProperty("max_length").GetInt32()), c);
    }

    [Fact]
    public void A_text_that_does_not_fit_is_refused_when_the_policy_says_so()
    {
        var ex = Assert.Throws<HoldoutException>(() => Encoder(8, TextOverflow.Refuse).Encode("libraries libraries libraries libraries libraries libraries libraries", new long[8], new long[8], new long[8], "holdout.csv", 9));
        Assert.Equal("holdout.csv: line 9, column 'text': the text is 7 tokens, more than the 6 that fit in max_length 8 with [CLS] and [SEP]; shorten it, or set text.overflow: truncate.", ex.Message);
    }

    [Fact]
    public void A_text_over_the_character_limit_is_refused_before_it_is_tokenized()
    {
        var encoder = TextEncoder.Open(new TextSpec { Column = "text", Vocabulary = Path.Combine(Folder, "vocab.txt"), MaxChars = 10 }, "holdout.csv");
        var ex = Assert.Throws<HoldoutException>(() => encoder.Encode(new string('a', 11), new long[128], new long[128], new long[128], "holdout.csv", 3));
        Assert.Contains("the text has 11 characters, over the limit of 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_vocabulary_names_the_file_and_the_key()
    {
        var ex = Assert.Throws<HoldoutException>(() => TextEncoder.Open(new TextSpec { Column = "text", Vocabulary = "nowhere/vocab.txt" }, "holdout.csv"));
        Assert.Equal("holdout.csv: column 'text': the vocabulary 'nowhere/vocab.txt' does not exist; point text.vocabulary at the model's vocab.txt (one token a line).", ex.Message);
    }

    [Fact]
    public void A_vocabulary_without_the_special_tokens_is_refused()
    {
        using var temp = new TempFolder("vocab");
        File.WriteAllText(temp.File("vocab.txt"), "hello\nworld\n");
        var ex = Assert.Throws<HoldoutException>(() => TextEncoder.Open(new TextSpec { Column = "text", Vocabulary = temp.File("vocab.txt") }, "holdout.csv"));
        Assert.Contains("cannot be used", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }
}
