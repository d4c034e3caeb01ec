using System.Collections.Concurrent;
using System.Globalization;
using ModelGate.Core.Robustness;
using ModelGate.Data;
using ModelGate.Data.Images;

namespace ModelGate.Engine.Media;

/// <summary>
/// Computes one chunk's image and text model inputs: images are decoded and preprocessed in parallel (at most one
/// per core), texts encoded in parallel too (ranges of rows, one per core), once per column and shared by its ids,
/// mask and types. Only the chunk's values are held, never the whole holdout's. A bad row stops the run with the
/// error of the first bad row in the chunk, so the message does not depend on which thread got there first.
/// </summary>
/// <remarks>
/// A robustness copy passes a <see cref="MediaPerturber"/> and the chunk's row numbers: its images are perturbed on the
/// decoded pixels and its texts before encoding, each row from its own seed.
/// </remarks>
internal sealed class ComputedValues(string file, MediaPerturber? perturber = null, ReadOnlyMemory<long> rowNumbers = default)
{
    private static readonly ParallelOptions Decoders = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    // Fewer rows than this are encoded on one thread: starting a worker costs more than encoding them.
    private const int TextRowsPerRange = 256;

    private readonly Dictionary<ComputedSource, (double[] Values, int[] Shape)> images = [];
    private readonly Dictionary<TextColumnEncoding, double[][]> texts = [];

    /// <summary>The values of <paramref name="source"/> for <paramref name="cells"/> (the chunk's column), row-major, and one row's shape.</summary>
    public (double[] Values, int[] Shape) Of(ComputedSource source, string?[] cells, ReadOnlySpan<long> lines)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cells);
        switch (source)
        {
            case ImageSource image:
                if (!images.TryGetValue(image, out var decoded))
                {
                    decoded = Images(image, cells, lines.ToArray());
                    images[image] = decoded;
                }

                return decoded;
            case TextSource text:
                if (!texts.TryGetValue(text.Text, out var encoded))
                {
                    encoded = Texts(text.Text, cells, lines.ToArray());
                    texts[text.Text] = encoded;
                }

                return (encoded[(int)text.Part], [text.Text.Spec.MaxLength]);
            default:
                throw new ArgumentException($"unknown computed input {source}", nameof(source));
        }
    }

    private (double[] Values, int[] Shape) Images(ImageSource source, string?[] cells, long[] lines)
    {
        var spec = source.Spec;
        var files = new ImageFiles(file);
        var rows = cells.Length;
        if (rows == 0)
        {
            return ([], Shape(spec, spec.Crop ?? spec.Size ?? (1, 1)));
        }

        // Without a fixed output size the first image sets it; every other row must give the same.
        var first = files.Load(cells[0] ?? string.Empty, lines[0], spec.Column, spec);
        var size = spec.OutputSize(first.Height, first.Width);
        var length = spec.Channels * size.Height * size.Width;
        var values = new double[checked(rows * length)];
        ImagePreprocessor.Process(first.Rgb, first.Height, first.Width, spec, values.AsSpan(0, length), Pixels(0));
        var failures = new ConcurrentDictionary<int, Exception>();
        Parallel.For(1, rows, Decoders, r =>
        {
            try
            {
                var image = files.Load(cells[r] ?? string.Empty, lines[r], spec.Column, spec);
                var output = spec.OutputSize(image.Height, image.Width);
                if (output != size)
                {
                    throw new HoldoutException(file, lines[r], spec.Column, cells[r],
                        string.Create(CultureInfo.InvariantCulture, $"the image is {image.Width} × {image.Height} and gives {output.Width} × {output.Height} after resizing, but the first image of the batch gives {size.Width} × {size.Height}"),
                        $"give {source.PolicyKey} resize.size or crop, so every image becomes the same size");
                }

                ImagePreprocessor.Process(image.Rgb, image.Height, image.Width, spec, values.AsSpan(r * length, length), Pixels(r));
            }
            catch (HoldoutException ex)
            {
                failures[r] = ex;
            }
        });
        if (!failures.IsEmpty)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures[failures.Keys.Min()]);
        }

        return (values, Shape(spec, size));
    }

    // The copy's pixel perturbation of the chunk's row r, or none.
    private Action<double[][], int, int>? Pixels(int r) =>
        perturber is { HasImages: true } p ? (planes, height, width) => p.Pixels(planes, height, width, rowNumbers.Span[r]) : null;

    private static int[] Shape(ImageSpec spec, (int Height, int Width) size) =>
        spec.Layout == ImageLayout.Nchw ? [spec.Channels, size.Height, size.Width] : [size.Height, size.Width, spec.Channels];

    private double[][] Texts(TextColumnEncoding text, string?[] cells, long[] lines)
    {
        var length = text.Spec.MaxLength;
        var rows = cells.Length;
        var parts = new[] { new double[rows * length], new double[rows * length], new double[rows * length] };

        // Rows are encoded on every core, in ranges of at least TextRowsPerRange (Microsoft.ML.Tokenizers' tokenizers
        // guard their caches with locks; TextEncoderTests checks parallel ids against sequential ones). Each range
        // writes its own rows and counts its own cuts; a bad row stops the run with the first bad row's error.
        var ranges = Math.Clamp(rows / TextRowsPerRange, 1, Environment.ProcessorCount);
        var cuts = new long[ranges];
        var failures = new ConcurrentDictionary<int, Exception>();
        Parallel.For(0, ranges, Decoders, range =>
        {
            var (from, to) = ((int)((long)rows * range / ranges), (int)((long)rows * (range + 1) / ranges));
            var ids = new long[length];
            var mask = new long[length];
            var types = new long[length];
            for (var r = from; r < to; r++)
            {
                var cell = cells[r] ?? string.Empty;
                if (perturber is { HasTexts: true })
                {
                    cell = perturber.Typos(cell, rowNumbers.Span[r]);
                }

                try
                {
                    var encoding = text.Encoder.Encode(cell, ids, mask, types, file, lines[r]);
                    cuts[range] += encoding.Truncated ? 1 : 0;
                }
                catch (HoldoutException ex)
                {
                    failures[r] = ex;
                    return;
                }

                var at = r * length;
                for (var i = 0; i < length; i++)
                {
                    parts[0][at + i] = ids[i];
                    parts[1][at + i] = mask[i];
                    parts[2][at + i] = types[i];
                }
            }
        });
        if (!failures.IsEmpty)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failures[failures.Keys.Min()]);
        }

        text.Count(rows, cuts.Sum());
        return parts;
    }
}
