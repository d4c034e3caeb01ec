using ModelGate.Data.Images;
using ModelGate.Data.Text;
using ModelGate.Policy.Model;

namespace ModelGate.Engine.Media;

/// <summary>
/// The policy's <c>data.images</c> and <c>data.text</c> as preprocessing specs, with each text column's vocabulary
/// opened once. Built once per run and shared by both models' input plans, so an input both models read is computed once.
/// </summary>
internal sealed class MediaInputs
{
    private MediaInputs(IReadOnlyList<ImageSource> images, IReadOnlyList<TextColumnEncoding> texts)
    {
        Images = images;
        Texts = texts;
    }

    /// <summary>No images, no text: every input is fed from columns.</summary>
    public static MediaInputs None { get; } = new([], []);

    public IReadOnlyList<ImageSource> Images { get; }

    public IReadOnlyList<TextColumnEncoding> Texts { get; }

    public bool IsEmpty => Images.Count == 0 && Texts.Count == 0;

    /// <summary>The image inputs' policy dtypes, by input (checked against what the model declares).</summary>
    public IReadOnlyDictionary<string, string> Dtypes { get; private init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Maps the policy's entries onto the preprocessing specs; a vocabulary that cannot be used is a one-line holdout error.</summary>
    public static MediaInputs Open(DataConfig data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.Images.Count == 0 && data.Text.Count == 0)
        {
            return None;
        }

        var images = data.Images.Select(i => new ImageSource(i.Input, ToSpec(i))).ToList();
        var texts = data.Text.Select(t =>
        {
            var spec = ToSpec(t);
            return new TextColumnEncoding(t.Name, spec, TextEncoder.Open(spec, data.Holdout)) { InputsNamed = t.InputsNamed };
        }).ToList();
        return new MediaInputs(images, texts)
        {
            Dtypes = data.Images.Where(i => i.Dtype is not null).ToDictionary(i => i.Input, i => i.Dtype!, StringComparer.Ordinal),
        };
    }

    /// <summary>The text columns' truncation counts so far, for the report.</summary>
    public IReadOnlyList<Reports.TextTruncation> Truncations() =>
        [.. Texts.Select(t => new Reports.TextTruncation(t.Spec.Column, t.Rows, t.Truncated, t.Spec.MaxLength, t.Spec.Overflow == TextOverflow.Refuse))];

    /// <summary>Starts the text counts again.</summary>
    public void ResetCounts()
    {
        foreach (var text in Texts)
        {
            text.Reset();
        }
    }

    internal static ImageSpec ToSpec(ImageInputConfig config) => new()
    {
        Column = config.Column,
        Colour = config.Colour switch
        {
            ImageColour.Bgr => ColourMode.Bgr,
            ImageColour.Grayscale => ColourMode.Grayscale,
            _ => ColourMode.Rgb,
        },
        ShorterSide = config.ShorterSide,
        Size = config.Size,
        Antialias = config.Antialias,
        Crop = config.Crop,
        Scale = config.Scale,
        Mean = config.Mean,
        Std = config.Std,
        Layout = config.Layout == ImageAxes.Nhwc ? ImageLayout.Nhwc : ImageLayout.Nchw,
        MaxPixels = config.MaxPixels ?? ImageSpec.DefaultMaxPixels,
        MaxFileBytes = config.MaxFileBytes ?? ImageSpec.DefaultMaxFileBytes,
    };

    internal static TextSpec ToSpec(TextInputConfig config) => new()
    {
        Column = config.Column,
        Tokenizer = config.Tokenizer switch
        {
            TextTokenizerKind.Tiktoken => TextTokenizer.Tiktoken,
            TextTokenizerKind.Bpe => TextTokenizer.Bpe,
            TextTokenizerKind.SentencePiece => TextTokenizer.SentencePiece,
            _ => TextTokenizer.WordPiece,
        },
        Vocabulary = config.Vocabulary,
        Encoding = config.Encoding,
        Merges = config.Merges,
        Uncased = config.Uncased,
        AddBos = config.AddBos,
        AddEos = config.AddEos,
        MaxLength = config.MaxLength,
        Overflow = config.Overflow == TextOverflowRule.Refuse ? TextOverflow.Refuse : TextOverflow.Truncate,
        IdsInput = config.IdsInput,
        MaskInput = config.MaskInput,
        TypesInput = config.TypesInput,
        MaxChars = config.MaxChars ?? TextSpec.DefaultMaxChars,
    };
}
