using System.Text.Json;
using ModelGate.Data.Text;

namespace ModelGate.Data.Tests;

/// <summary>
/// The engine encodes a chunk's texts on every core with one encoder per text column (ComputedValues), so each
/// tokenizer must give from many threads at once exactly the ids it gives on one: the debian-text example's 1,500
/// holdout lines (descriptions and their other columns) and the tricky strings in two cases, each tokenizer, eight threads against a sequential pass.
/// </summary>
public sealed class TextEncoderConcurrencyTests
{
    private static readonly string Folder = RepoPaths.Fixture("text");

    public static TheoryData<string> Tokenizers => ["wordpiece", "tiktoken", "bpe", "sentencepiece-unigram", "sentencepiece-bpe"];

    private static TextSpec Spec(string tokenizer) => tokenizer switch
    {
        "tiktoken" => new() { Column = "text", Tokenizer = TextTokenizer.Tiktoken, Encoding = "o200k_base", MaxLength = 48 },
        "bpe" => new() { Column = "text", Tokenizer = TextTokenizer.Bpe, Vocabulary = Path.Combine(Folder, "bpe", "vocab.json"), Merges = Path.Combine(Folder, "bpe", "merges.txt"), MaxLength = 48 },
        "sentencepiece-unigram" => new() { Column = "text", Tokenizer = TextTokenizer.SentencePiece, Vocabulary = Path.Combine(Folder, "sentencepiece", "test_model.model"), MaxLength = 48 },
        "sentencepiece-bpe" => new() { Column = "text", Tokenizer = TextTokenizer.SentencePiece, Vocabulary = Path.Combine(Folder, "sentencepiece", "tokenizer.model.v1"), MaxLength = 48, AddEos = true },
        _ => new() { Column = "text", Vocabulary = Path.Combine(Folder, "vocab.txt"), MaxLength = 48 },
    };

    private static List<string> Texts()
    {
        var descriptions = File.ReadAllLines(RepoPaths.Example("debian-text", "data", "holdout.csv")).Skip(1);
        var tricky = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "tricky-texts.json"))).RootElement.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!);
        return [.. descriptions, .. tricky, .. tricky.Select(t => t.ToUpperInvariant())];
    }

    [Theory]
    [MemberData(nameof(Tokenizers))]
    public void Eight_threads_give_the_ids_one_thread_gives(string tokenizer)
    {
        var texts = Texts();
        var encoder = TextEncoder.Open(Spec(tokenizer), "holdout.csv");
        var length = Spec(tokenizer).MaxLength;
        long[][] Encode(int threads)
        {
            var rows = new long[texts.Count][];
            Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = threads }, () => (new long[length], new long[length]), (r, _, buffers) =>
            {
                var ids = new long[length];
                encoder.Encode(texts[r], ids, buffers.Item1, buffers.Item2, "holdout.csv", r + 2);
                rows[r] = ids;
                return buffers;
            }, _ => { });
            return rows;
        }

        var one = Encode(1);
        for (var round = 0; round < 3; round++)
        {
            var many = Encode(8);
            for (var r = 0; r < texts.Count; r++)
            {
                Assert.True(one[r].SequenceEqual(many[r]), $"{tokenizer}, round {round}, text {r}: {string.Join(",", many[r])} instead of {string.Join(",", one[r])}");
            }
        }
    }
}
