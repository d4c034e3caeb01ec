using ModelGate.Policy.Model;

namespace ModelGate.Policy.Tests;

/// <summary>data.images and data.text bind every key onto the policy model, with the preprocessing's defaults where a key is left out.</summary>
public sealed class MediaPolicyTests
{
    private const string Head = """
        version: 1
        task: multiclass
        models:
          candidate: models/candidate.onnx
        data:
          holdout: data/holdout.csv
          label: y

        """;

    [Fact]
    public void Every_image_key_reaches_the_policy()
    {
        using var t = new TestPolicies();
        var policy = t.Load(Head + """
              images:
                pixel_values:
                  column: path
                  colour: bgr
                  resize: { shorter_side: 256 }
                  antialias: false
                  crop: [224, 200]
                  scale: 1
                  mean: [103.9, 116.8, 123.7]
                  std: [1, 1, 1]
                  layout: nhwc
                  dtype: float32
                  max_pixels: 1000000
                  max_file_bytes: 2048
            """).GetPolicyOrThrow();
        var image = Assert.Single(policy.Data.Images);
        Assert.Equal(("pixel_values", "path"), (image.Input, image.Column));
        Assert.Equal(ImageColour.Bgr, image.Colour);
        Assert.Equal(256, image.ShorterSide);
        Assert.Null(image.Size);
        Assert.False(image.Antialias);
        Assert.Equal((224, 200), image.Crop);
        Assert.Equal(1, image.Scale);
        Assert.Equal([103.9, 116.8, 123.7], image.Mean);
        Assert.Equal(ImageAxes.Nhwc, image.Layout);
        Assert.Equal("float32", image.Dtype);
        Assert.Equal((1_000_000L, 2048L), (image.MaxPixels, image.MaxFileBytes));
    }

    [Fact]
    public void An_image_entry_with_only_a_column_takes_the_defaults()
    {
        using var t = new TestPolicies();
        var policy = t.Load(Head + "  images:\n    image: { column: path, resize: { size: 32 } }\n").GetPolicyOrThrow();
        var image = Assert.Single(policy.Data.Images);
        Assert.Equal((ImageColour.Rgb, true, 255.0, ImageAxes.Nchw), (image.Colour, image.Antialias, image.Scale, image.Layout));
        Assert.Equal((32, 32), image.Size);
        Assert.Null(image.Mean);
        Assert.Null(image.MaxPixels);
    }

    [Fact]
    public void Every_text_key_reaches_the_policy_and_the_vocabulary_resolves_against_the_policy_file()
    {
        using var t = new TestPolicies();
        var vocab = t.Write(Path.Combine("tok", "vocab.txt"), "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello\n");
        var policy = t.Load(Head + """
              text:
                review:
                  column: body
                  tokenizer: wordpiece
                  vocabulary: tok/vocab.txt
                  uncased: false
                  max_length: 64
                  overflow: refuse
                  max_chars: 5000
                  inputs: { ids: ids, mask: mask }
            """).GetPolicyOrThrow();
        var text = Assert.Single(policy.Data.Text);
        Assert.Equal(("review", "body", vocab), (text.Name, text.Column, text.Vocabulary));
        Assert.False(text.Uncased);
        Assert.Equal((64, TextOverflowRule.Refuse, (int?)5000), (text.MaxLength, text.Overflow, text.MaxChars));
        Assert.Equal(("ids", "mask", (string?)null, true), (text.IdsInput, text.MaskInput, text.TypesInput, text.InputsNamed));
    }

    [Fact]
    public void Without_inputs_a_text_entry_names_berts_three_inputs()
    {
        using var t = new TestPolicies();
        t.Write("vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n");
        var text = Assert.Single(t.Load(Head + "  text:\n    t: { column: body, vocabulary: vocab.txt }\n").GetPolicyOrThrow().Data.Text);
        Assert.Equal(("input_ids", "attention_mask", "token_type_ids", false), (text.IdsInput, text.MaskInput, text.TypesInput, text.InputsNamed));
        Assert.Equal((true, 128, TextOverflowRule.Truncate), (text.Uncased, text.MaxLength, text.Overflow));
    }

    [Fact]
    public void A_vocabulary_outside_the_repository_is_refused_naming_the_key()
    {
        using var t = new TestPolicies();
        var error = TestPolicies.SingleError(t.Load(Head + "  text:\n    t: { column: body, vocabulary: ../../etc/passwd }\n"));
        Assert.StartsWith("data.text.t.vocabulary: the path '../../etc/passwd' leaves the repository", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tiktoken_takes_an_encoding_and_bpe_takes_a_vocabulary_and_merges()
    {
        using var t = new TestPolicies();
        var vocab = t.Write("vocab.json", "{}");
        var merges = t.Write("merges.txt", "#version: 0.2\n");
        var texts = t.Load(Head + "  text:\n    a: { column: title, tokenizer: tiktoken, encoding: cl100k_base, max_length: 1 }\n    b: { column: body, tokenizer: bpe, vocabulary: vocab.json, merges: merges.txt }\n").GetPolicyOrThrow().Data.Text;
        Assert.Equal((TextTokenizerKind.Tiktoken, "cl100k_base", (string?)null, (string?)null, 1), (texts[0].Tokenizer, texts[0].Encoding, texts[0].Vocabulary, texts[0].Merges, texts[0].MaxLength));
        Assert.Equal((TextTokenizerKind.Bpe, (string?)null, vocab, merges), (texts[1].Tokenizer, texts[1].Encoding, texts[1].Vocabulary, texts[1].Merges));
    }
}
