using System.Globalization;
using ModelGate.Policy.Model;
using static ModelGate.Policy.Printing.YamlText;

namespace ModelGate.Policy.Printing;

/// <summary><c>data.images</c> and <c>data.text</c>, printed so that they read back as the same entries.</summary>
internal static partial class PolicyPrinter
{
    private static void PrintImages(IReadOnlyList<ImageInputConfig> images, Action<int, string> line)
    {
        if (images.Count == 0)
        {
            return;
        }

        line(1, "images:");
        foreach (var image in images)
        {
            line(2, $"{Text(image.Input)}:");
            line(3, $"column: {Text(image.Column)}");
            line(3, $"colour: {image.Colour.ToString().ToLowerInvariant()}");
            if (image.ShorterSide is { } shorter)
            {
                line(3, $"resize: {{ shorter_side: {Whole(shorter)} }}");
            }
            else if (image.Size is { } size)
            {
                line(3, $"resize: {{ size: {Pair(size)} }}");
            }

            line(3, $"antialias: {(image.Antialias ? "true" : "false")}");
            if (image.Crop is { } crop)
            {
                line(3, $"crop: {Pair(crop)}");
            }

            line(3, $"scale: {Number(image.Scale)}");
            if (image.Mean is { } mean)
            {
                line(3, $"mean: {Flow(mean)}");
            }

            if (image.Std is { } std)
            {
                line(3, $"std: {Flow(std)}");
            }

            line(3, $"layout: {image.Layout.ToString().ToLowerInvariant()}");
            if (image.Dtype is not null)
            {
                line(3, $"dtype: {Text(image.Dtype)}");
            }

            if (image.MaxPixels is { } pixels)
            {
                line(3, $"max_pixels: {Whole(pixels)}");
            }

            if (image.MaxFileBytes is { } bytes)
            {
                line(3, $"max_file_bytes: {Whole(bytes)}");
            }
        }
    }

    private static void PrintTexts(IReadOnlyList<TextInputConfig> texts, Action<int, string> line, Func<string, string> rel)
    {
        if (texts.Count == 0)
        {
            return;
        }

        line(1, "text:");
        foreach (var text in texts)
        {
            line(2, $"{Text(text.Name)}:");
            line(3, $"column: {Text(text.Column)}");
            line(3, $"tokenizer: {text.Tokenizer.ToString().ToLowerInvariant()}");
            if (text.Vocabulary is not null)
            {
                line(3, $"vocabulary: {rel(text.Vocabulary)}");
            }

            if (text.Merges is not null)
            {
                line(3, $"merges: {rel(text.Merges)}");
            }

            if (text.Encoding is not null)
            {
                line(3, $"encoding: {Text(text.Encoding)}");
            }

            if (text.Tokenizer == TextTokenizerKind.WordPiece)
            {
                line(3, $"uncased: {(text.Uncased ? "true" : "false")}");
            }

            if (text.Tokenizer == TextTokenizerKind.SentencePiece)
            {
                line(3, $"add_bos: {(text.AddBos ? "true" : "false")}");
                line(3, $"add_eos: {(text.AddEos ? "true" : "false")}");
            }

            line(3, $"max_length: {Whole(text.MaxLength)}");
            line(3, $"overflow: {text.Overflow.ToString().ToLowerInvariant()}");
            if (text.MaxChars is { } chars)
            {
                line(3, $"max_chars: {Whole(chars)}");
            }

            if (text.InputsNamed)
            {
                var named = new[] { ("ids", text.IdsInput), ("mask", text.MaskInput), ("types", text.TypesInput) }
                    .Where(n => n.Item2 is not null)
                    .Select(n => $"{n.Item1}: {Text(n.Item2!)}");
                line(3, $"inputs: {{ {string.Join(", ", named)} }}");
            }
        }
    }

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Pair((int Height, int Width) size) => $"[{Whole(size.Height)}, {Whole(size.Width)}]";
}
