using System.Text.Json;
using ModelGate.Data.Text;

namespace ModelGate.Data.Tests;

/// <summary>
/// SentencePiece against Google's own sentencepiece (C++ compiled to WebAssembly, @sctg/sentencepiece-js), on the tricky
/// strings of tests/fixtures/text/tricky-texts.json and four that SentencePiece's normalisation touches (NFKC forms,
/// repeated, leading and trailing spaces, the ideographic space, a typed ▁), with two real models: a unigram model with
/// nmt_nfkc normalisation (google/sentencepiece's test model) and Mistral 7B's BPE model with byte fallback
/// (mistralai/mistral-common), each framed with and without &lt;s&gt; and &lt;/s&gt;, and the unigram model without a
/// &lt;s&gt; piece, as T5's is, framed T5's way (tests/fixtures/text/sentencepiece).
/// </summary>
public sealed class SentencePieceEncoderTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Fixture("text"), "sentencepiece");
    private static readonly JsonElement Cases = ExpectedCases.Load(Folder);

    public static TheoryData<int> Indexes => ExpectedCases.Indexes(Cases);

    private static TextSpec Spec(string model, int maxLength, bool bos = true, bool eos = false, TextOverflow overflow = TextOverflow.Truncate) =>
        new() { Column = "text", Tokenizer = TextTokenizer.SentencePiece, Vocabulary = Path.Combine(Folder, model), MaxLength = maxLength, AddBos = bos, AddEos = eos, Overflow = overflow };

    [Theory]
    [MemberData(nameof(Indexes))]
    public void SentencePiece_matches_the_original_implementation(int index)
    {
        var c = Cases[index];
        var spec = Spec(c.GetProperty("model").GetString()!, c.GetProperty("max_length").GetInt32(), c.GetProperty("add_bos").GetBoolean(), c.GetProperty("add_eos").GetBoolean());
        ExpectedCases.AssertEncodes(TextEncoder.Open(spec, "holdout.csv"), c);
    }

    [Fact]
    public void Both_models_and_every_framing_are_covered()
    {
        var seen = Cases.EnumerateArray().Select(c => (c.GetProperty("model").GetString(), c.GetProperty("add_bos").GetBoolean(), c.GetProperty("add_eos").GetBoolean())).Distinct().ToList();
        Assert.Equal(5, seen.Count);
        Assert.Contains(Cases.EnumerateArray(), c => c.GetProperty("truncated").GetBoolean() && c.GetProperty("model").GetString() == "tokenizer.model.v1");
        Assert.Contains(Cases.EnumerateArray(), c => c.GetProperty("truncated").GetBoolean() && c.GetProperty("model").GetString() == "test_model.model");
    }

    [Fact]
    public void The_header_gives_each_model_its_type_and_ids()
    {
        Assert.Equal(new SentencePieceHeader("unigram", 0, 1, 2, -1), SentencePieceHeader.Read(File.ReadAllBytes(Path.Combine(Folder, "test_model.model"))));
        Assert.Equal(new SentencePieceHeader("bpe", 0, 1, 2, -1), SentencePieceHeader.Read(File.ReadAllBytes(Path.Combine(Folder, "tokenizer.model.v1"))));
        Assert.Equal(new SentencePieceHeader("unigram", 0, -1, 2, -1), SentencePieceHeader.Read(File.ReadAllBytes(Path.Combine(Folder, "no_bos.model"))));
        Assert.Null(SentencePieceHeader.Read("[PAD]\n[UNK]\n"u8));
    }

    [Fact]
    public void A_model_without_bos_loads_as_it_is_and_refuses_add_bos_in_one_line()
    {
        // Microsoft.ML.Tokenizers 2.0.0 alone fails on it (IndexOutOfRangeException): ModelGate hands it the file with
        // the unknown piece's id as bos_id, and keeps its own framing from the file.
        var header = SentencePieceHeader.Read(File.ReadAllBytes(Path.Combine(Folder, "no_bos.model")))!;
        Assert.Equal(new SentencePieceHeader("unigram", 0, 0, 2, -1), SentencePieceHeader.Read(header.Loadable(File.ReadAllBytes(Path.Combine(Folder, "no_bos.model")))));
        var original = File.ReadAllBytes(Path.Combine(Folder, "test_model.model"));
        Assert.Same(original, SentencePieceHeader.Read(original)!.Loadable(original));

        var ex = Assert.Throws<HoldoutException>(() => TextEncoder.Open(Spec("no_bos.model", 8), "holdout.csv"));
        Assert.EndsWith("no_bos.model' has no <s> piece (bos_id -1); set text.add_bos: false.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_text_that_does_not_fit_names_the_framing()
    {
        var ex = Assert.Throws<HoldoutException>(() => TextEncoder.Open(Spec("tokenizer.model.v1", 4, eos: true, overflow: TextOverflow.Refuse), "holdout.csv")
            .Encode("word word word word word", new long[4], new long[4], new long[4], "holdout.csv", 9));
        Assert.Equal("holdout.csv: line 9, column 'text': the text is 5 tokens, more than the 2 that fit in max_length 4 with <s> and </s>; shorten it, or set text.overflow: truncate.", ex.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_sentencepiece_model_is_one_line()
    {
        var ex = Assert.Throws<HoldoutException>(() => TextEncoder.Open(Spec("../vocab.txt", 8), "holdout.csv"));
        Assert.StartsWith("holdout.csv: column 'text': the SentencePiece model '", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("vocab.txt' is not a SentencePiece model file; give the SentencePiece .model file the model was trained with (tokenizer.model, spiece.model, sentencepiece.bpe.model).", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_model_is_one_line_whatever_the_damage()
    {
        using var temp = new TempFolder("spm");
        var bytes = File.ReadAllBytes(Path.Combine(Folder, "test_model.model"));
        foreach (var cut in new[] { 3, 100, bytes.Length / 2, bytes.Length - 5 })
        {
            File.WriteAllBytes(temp.File("cut.model"), bytes[..cut]);
            var ex = Assert.Throws<HoldoutException>(() => TextEncoder.Open(Spec("x", 8) with { Vocabulary = temp.File("cut.model") }, "holdout.csv"));
            Assert.DoesNotContain('\n', ex.Message);
            Assert.Contains("SentencePiece model", ex.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("test_model.model")]
    [InlineData("tokenizer.model.v1")]
    public void A_model_file_with_random_bytes_changed_encodes_or_is_one_line_never_a_crash(string model)
    {
        // A pull request controls the model file. Fuzzing Microsoft.ML.Tokenizers 2.0.0 found protobuf, argument and
        // invalid-operation errors when loading, and an IndexOutOfRangeException when encoding a file that had loaded.
        using var temp = new TempFolder("spm-fuzz");
        var original = File.ReadAllBytes(Path.Combine(Folder, model));
        var texts = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "..", "tricky-texts.json"))).RootElement.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToList();
        var random = new Random(20261207);
        var (loaded, refused) = (0, 0);
        for (var k = 0; k < 120; k++)
        {
            var bytes = (byte[])original.Clone();
            var within = k % 2 == 0 ? Math.Min(4000, bytes.Length) : bytes.Length;
            for (var m = random.Next(1, 9); m > 0; m--)
            {
                bytes[random.Next(within)] = (byte)random.Next(256);
            }

            File.WriteAllBytes(temp.File("fuzzed.model"), bytes);
            try
            {
                var encoder = TextEncoder.Open(Spec(model, 32) with { Vocabulary = temp.File("fuzzed.model") }, "holdout.csv");
                foreach (var text in texts)
                {
                    encoder.Encode(text, new long[32], new long[32], new long[32], "holdout.csv", 2);
                }

                loaded++;
            }
            catch (HoldoutException ex)
            {
                Assert.DoesNotContain('\n', ex.Message);
                refused++;
            }
        }

        Assert.True(loaded > 0 && refused > 0, $"{loaded} loaded, {refused} refused");
    }

    [Fact]
    public void A_missing_model_names_the_key()
    {
        var ex = Assert.Throws<HoldoutException>(() => TextEncoder.Open(Spec("nowhere.model", 8), "holdout.csv"));
        Assert.EndsWith("nowhere.model' does not exist; point text.vocabulary at the model's SentencePiece .model file.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shortest_sequence_holds_the_framing_and_one_token()
    {
        Assert.Throws<HoldoutException>(() => TextEncoder.Open(Spec("test_model.model", 2, bos: true, eos: true), "holdout.csv"));
        var ids = new long[3];
        TextEncoder.Open(Spec("test_model.model", 3, bos: true, eos: true), "holdout.csv").Encode("Hello world", ids, new long[3], new long[3], "holdout.csv", 2);
        Assert.Equal([1, 151, 2], ids);
    }
}
