using MathNet.Numerics.Distributions;

namespace ModelGate.Core.Statistics;

/// <summary>Wilson score interval for a binomial proportion (Wilson 1927; Brown, Cai and DasGupta 2001).</summary>
internal static class Wilson
{
    /// <summary>The interval for <paramref name="successes"/> out of <paramref name="trials"/>; null when there are no trials.</summary>
    public static Interval? Interval(double successes, double trials, double confidence)
    {
        if (trials <= 0)
        {
            return null;
        }

        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var p = successes / trials;
        var z2 = z * z;
        var denominator = 1 + (z2 / trials);
        var centre = (p + (z2 / (2 * trials))) / denominator;
        var half = z / denominator * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4 * trials * trials)));
        return new Interval(Math.Max(0, centre - half), Math.Min(1, centre + half), confidence);
    }
}
