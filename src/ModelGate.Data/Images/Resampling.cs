namespace ModelGate.Data.Images;

/// <summary>
/// One axis of a bilinear resize as sparse weights: output index o reads input indices First[o] … First[o] +
/// Weights[o].Length - 1. Without antialiasing these are torch's upsample_bilinear2d (align_corners=False) weights:
/// two taps at src = scale·(o + ½) − ½, clamped at 0. With antialiasing they are the triangle filter that PIL's
/// BILINEAR and torch's antialias=True use, whose support widens by the shrink factor so every input pixel counts.
/// </summary>
internal sealed class Resampling
{
    private Resampling(int[] first, double[][] weights)
    {
        First = first;
        Weights = weights;
    }

    public int[] First { get; }

    public double[][] Weights { get; }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int, bool), Resampling> Cache = new();

    /// <summary>The weights for one axis; a holdout's images mostly share sizes, so they are computed once per size (at most 256 kept).</summary>
    public static Resampling For(int inSize, int outSize, bool antialias)
    {
        if (Cache.TryGetValue((inSize, outSize, antialias), out var known))
        {
            return known;
        }

        var made = antialias ? Triangle(inSize, outSize) : TwoTap(inSize, outSize);
        if (Cache.Count < 256)
        {
            Cache.TryAdd((inSize, outSize, antialias), made);
        }

        return made;
    }

    private static Resampling TwoTap(int inSize, int outSize)
    {
        var scale = (double)inSize / outSize;
        var first = new int[outSize];
        var weights = new double[outSize][];
        for (var o = 0; o < outSize; o++)
        {
            var source = Math.Max((scale * (o + 0.5)) - 0.5, 0);
            var low = Math.Min((int)Math.Floor(source), inSize - 1);
            var fraction = source - low;
            first[o] = low;
            weights[o] = low < inSize - 1 ? [1 - fraction, fraction] : [1.0];
        }

        return new Resampling(first, weights);
    }

    private static Resampling Triangle(int inSize, int outSize)
    {
        var scale = (double)inSize / outSize;
        var support = scale >= 1 ? scale : 1;
        var inverse = scale >= 1 ? 1 / scale : 1;
        var first = new int[outSize];
        var weights = new double[outSize][];
        for (var o = 0; o < outSize; o++)
        {
            var centre = scale * (o + 0.5);
            var low = Math.Max((int)(centre - support + 0.5), 0);
            var high = Math.Min((int)(centre + support + 0.5), inSize);
            var taps = new double[Math.Max(high - low, 0)];
            var total = 0.0;
            for (var j = low; j < high; j++)
            {
                taps[j - low] = Math.Max(0, 1 - Math.Abs((j - centre + 0.5) * inverse));
                total += taps[j - low];
            }

            if (total != 0)
            {
                for (var t = 0; t < taps.Length; t++)
                {
                    taps[t] /= total;
                }
            }

            first[o] = low;
            weights[o] = taps;
        }

        return new Resampling(first, weights);
    }
}
