using System.Diagnostics;
using System.Globalization;
using ModelGate.Data.Images;
using ModelGate.Data.Text;
using ModelGate.Benchmarks.Onnx;

namespace ModelGate.Benchmarks.Media;

/// <summary>
/// The image and text input stages on their own, single-threaded: images decoded per second, decoded images
/// preprocessed per second (the digits example's spec, and an ImageNet-style 256 → 224 crop of the same images
/// upscaled), and texts encoded per second (the Debian example's descriptions at 32 tokens). Median of five passes.
/// Usage: media [--passes 5]
/// </summary>
internal static class MediaThroughput
{
    public const string Command = "media";

    public static int Run(string[] args)
    {
        var passes = args.Length > 1 && args[0] == "--passes" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
        var root = MlpWorkload.FindRepoRoot();
        var holdout = Path.Combine(root, "examples", "digits-images", "data", "holdout.csv");
        var paths = Column(holdout, "image");
        var files = new ImageFiles(holdout);
        var digits = new ImageSpec { Column = "image", Colour = ColourMode.Grayscale, Size = (16, 16), Antialias = true, Mean = [0.5], Std = [0.5] };
        var imagenet = new ImageSpec { Column = "image", ShorterSide = 256, Crop = (224, 224), Mean = [0.485, 0.456, 0.406], Std = [0.229, 0.224, 0.225] };

        DecodedImage[] decoded = [];
        Report("decode (32 × 32 grey PNG)", paths.Length, passes, () => decoded = paths.Select((p, i) => files.Load(p, i + 2, "image", digits)).ToArray());
        var small = new double[ImagePreprocessor.FixedLength(digits)!.Value];
        Report("preprocess → 1 × 16 × 16 (antialiased)", decoded.Length, passes, () =>
        {
            foreach (var image in decoded)
            {
                ImagePreprocessor.Process(image.Rgb, image.Height, image.Width, digits, small);
            }
        });
        var large = new double[ImagePreprocessor.FixedLength(imagenet)!.Value];
        var subset = decoded.Take(100).ToArray();
        Report("preprocess → 3 × 224 × 224 (256 shorter side, crop)", subset.Length, passes, () =>
        {
            foreach (var image in subset)
            {
                ImagePreprocessor.Process(image.Rgb, image.Height, image.Width, imagenet, large);
            }
        });

        var textHoldout = Path.Combine(root, "examples", "debian-text", "data", "holdout.csv");
        var texts = Column(textHoldout, "description");
        var encoder = TextEncoder.Open(new TextSpec { Column = "description", Vocabulary = Path.Combine(root, "examples", "debian-text", "vocab.txt"), MaxLength = 32 }, textHoldout);
        var (ids, mask, types) = (new long[32], new long[32], new long[32]);
        Report("encode text → 32 WordPiece ids", texts.Length, passes, () =>
        {
            for (var i = 0; i < texts.Length; i++)
            {
                encoder.Encode(texts[i], ids, mask, types, textHoldout, i + 2);
            }
        });
        return 0;
    }

    private static void Report(string stage, int items, int passes, Action pass)
    {
        pass();
        var rates = new double[passes];
        for (var p = 0; p < passes; p++)
        {
            var start = Stopwatch.GetTimestamp();
            pass();
            rates[p] = items / Stopwatch.GetElapsedTime(start).TotalSeconds;
        }

        Array.Sort(rates);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {items} | {rates[passes / 2]:N0} /s | {rates[0]:N0}–{rates[^1]:N0} |"));
    }

    private static string[] Column(string csvPath, string name)
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(csvPath) { HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var at = Array.IndexOf(parser.ReadFields()!, name);
        var values = new List<string>();
        while (parser.ReadFields() is { } fields)
        {
            values.Add(fields[at]);
        }

        return [.. values];
    }
}
