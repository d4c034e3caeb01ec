using System.Text;
using ModelGate.Core.Plan;

namespace ModelGate.Core.Robustness;

/// <summary>
/// Perturbs image and text inputs of one perturbed copy: images on their decoded pixels (after the resize, before the
/// crop, scale and normalisation), texts before tokenisation. Every row draws from its own generator, seeded from a hash
/// of (seed, copy, row number), so a copy is the same whatever the chunking and whichever thread decodes the row.
/// </summary>
internal sealed class MediaPerturber
{
    /// <summary>The pixel range of a decoded 8-bit image: the policy's amounts are in 0..1 of it.</summary>
    public const double PixelRange = 255;

    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    private readonly IReadOnlyList<Perturbation> images;
    private readonly IReadOnlyList<Perturbation> texts;
    private readonly int seed;
    private readonly int repeat;

    /// <summary>The media perturbations of <paramref name="perturbations"/> (others are skipped), for copy <paramref name="repeat"/> (0-based) under <paramref name="seed"/>.</summary>
    public MediaPerturber(IEnumerable<Perturbation> perturbations, int seed, int repeat)
    {
        ArgumentNullException.ThrowIfNull(perturbations);
        var all = perturbations.ToList();
        images = [.. all.Where(p => p.IsImage)];
        texts = [.. all.Where(p => p.Kind == PerturbationKind.Typos)];
        this.seed = seed;
        this.repeat = repeat;
    }

    /// <summary>True when images are perturbed.</summary>
    public bool HasImages => images.Count > 0;

    /// <summary>True when texts are perturbed.</summary>
    public bool HasTexts => texts.Count > 0;

    /// <summary>
    /// Perturbs one image's channel planes in place (each <paramref name="height"/> × <paramref name="width"/>, row-major,
    /// values 0..255), in policy order; <paramref name="row"/> is the row's number in the file.
    /// </summary>
    public void Pixels(double[][] planes, int height, int width, long row)
    {
        ArgumentNullException.ThrowIfNull(planes);
        if (images.Count == 0)
        {
            return;
        }

        var random = Generator(row, 1);
        foreach (var p in images)
        {
            foreach (var plane in planes)
            {
                switch (p.Kind)
                {
                    case PerturbationKind.ImageNoise:
                        for (var i = 0; i < plane.Length; i++)
                        {
                            plane[i] = Clamp(plane[i] + (p.Amount * PixelRange * Gaussian(random)));
                        }

                        break;
                    case PerturbationKind.Brightness:
                        for (var i = 0; i < plane.Length; i++)
                        {
                            plane[i] = Clamp(plane[i] + (p.Amount * PixelRange));
                        }

                        break;
                    default:
                        Blur(plane, height, width, p.Amount);
                        break;
                }
            }
        }
    }

    /// <summary>The text with typos (every typo perturbation in policy order); <paramref name="row"/> is the row's number in the file.</summary>
    public string Typos(string text, long row)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (texts.Count == 0)
        {
            return text;
        }

        var random = Generator(row, 2);
        foreach (var p in texts)
        {
            text = Typos(text, p.Amount, random);
        }

        return text;
    }

    // Each letter, with probability `rate`: swapped with the next character (when that is a letter too), dropped, or
    // followed by a random lowercase letter. Three draws per character whatever happens.
    private static string Typos(string text, double rate, Random random)
    {
        var result = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var happens = random.NextDouble() < rate;
            var kind = random.Next(3);
            var letter = Letters[random.Next(Letters.Length)];
            if (!happens || !char.IsLetter(c))
            {
                result.Append(c);
                continue;
            }

            switch (kind)
            {
                case 0 when i + 1 < text.Length && char.IsLetter(text[i + 1]):
                    result.Append(text[i + 1]).Append(c);
                    i++;
                    break;
                case 1:
                    break;
                default:
                    result.Append(c).Append(letter);
                    break;
            }
        }

        return result.ToString();
    }

    // A separable Gaussian blur (kernel radius ⌈3σ⌉, normalised; edges repeated), rows then columns.
    private static void Blur(double[] plane, int height, int width, double sigma)
    {
        if (sigma <= 0)
        {
            return;
        }

        var radius = (int)Math.Ceiling(3 * sigma);
        var kernel = new double[(2 * radius) + 1];
        for (var k = -radius; k <= radius; k++)
        {
            kernel[k + radius] = Math.Exp(-(k * k) / (2 * sigma * sigma));
        }

        var sum = kernel.Sum();
        for (var k = 0; k < kernel.Length; k++)
        {
            kernel[k] /= sum;
        }

        var temp = new double[plane.Length];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = 0.0;
                for (var k = -radius; k <= radius; k++)
                {
                    v += kernel[k + radius] * plane[(y * width) + Math.Clamp(x + k, 0, width - 1)];
                }

                temp[(y * width) + x] = v;
            }
        }

        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var v = 0.0;
                for (var k = -radius; k <= radius; k++)
                {
                    v += kernel[k + radius] * temp[(Math.Clamp(y + k, 0, height - 1) * width) + x];
                }

                plane[(y * width) + x] = v;
            }
        }
    }

    private static double Clamp(double v) => Math.Clamp(v, 0, PixelRange);

    // SplitMix64 over (seed, copy, row, stream): a well-mixed, platform-independent seed for System.Random's legacy generator.
    private Random Generator(long row, int stream)
    {
        var x = unchecked(((ulong)(uint)seed * 0x9E3779B97F4A7C15UL) ^ ((ulong)(uint)repeat << 32) ^ (ulong)row ^ ((ulong)stream << 60));
        x = unchecked(Mix(Mix(x) + (ulong)row));
        return new Random((int)(x & int.MaxValue));
    }

    private static ulong Mix(ulong z)
    {
        z = unchecked(z + 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }

    /// <summary>A standard normal draw by Box–Muller from two fresh uniforms (always exactly two draws).</summary>
    internal static double Gaussian(Random random)
    {
        var u1 = 1 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
