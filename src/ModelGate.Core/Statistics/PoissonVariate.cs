namespace ModelGate.Core.Statistics;

/// <summary>
/// Exact Poisson(λ) variates from a SplitMix64 counter stream: inversion by sequential search below λ = 10, Hörmann's
/// transformed rejection with squeeze (PTRS, 1993) above, as numpy's <c>random_poisson</c> does. Both are exact
/// samplers (no normal approximation), so a cell's count has the same law as the sum of its rows' Poisson(1) counts.
/// </summary>
internal static class PoissonVariate
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const double TwoToMinus53 = 1.0 / 9007199254740992.0;

    /// <summary>Draws one Poisson(<paramref name="lambda"/>) count, advancing <paramref name="state"/>.</summary>
    public static long Next(double lambda, ref ulong state)
    {
        if (lambda <= 0)
        {
            return 0;
        }

        return lambda < 10 ? Inversion(lambda, ref state) : Ptrs(lambda, ref state);
    }

    /// <summary>
    /// The state of resample <paramref name="resample"/>'s draws for table <paramref name="table"/> of the stream named
    /// <paramref name="stream"/>: depends only on these, so results do not depend on the thread count.
    /// </summary>
    public static ulong TableState(ulong seed, int resample, ulong stream, int table) =>
        Mix(seed ^ Mix(Gamma * (ulong)(resample + 1)) ^ Mix(stream + (Gamma * (ulong)(table + 1))));

    /// <summary>A uniform double in [0, 1) from the stream.</summary>
    public static double Uniform(ref ulong state)
    {
        state += Gamma;
        return (Mix(state) >> 11) * TwoToMinus53;
    }

    /// <summary>SplitMix64's finalizer.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>log Γ(x) for x ≥ 1 (Stirling's series after shifting x above 7; numpy's <c>random_loggam</c>).</summary>
    public static double LogGamma(double x)
    {
        ReadOnlySpan<double> a =
        [
            8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04, -5.952380952380952e-04,
            8.417508417508418e-04, -1.917526917526918e-03, 6.410256410256410e-03, -2.955065359477124e-02,
            1.796443723688307e-01, -1.39243221690590e+00,
        ];
        if (x is 1.0 or 2.0)
        {
            return 0;
        }

        var n = x <= 7 ? (int)(7 - x) : 0;
        var x0 = x + n;
        var x2 = 1.0 / (x0 * x0);
        var gl0 = a[9];
        for (var k = 8; k >= 0; k--)
        {
            gl0 = (gl0 * x2) + a[k];
        }

        var gl = (gl0 / x0) + (0.5 * Math.Log(2 * Math.PI)) + ((x0 - 0.5) * Math.Log(x0)) - x0;
        for (var k = 1; k <= n; k++)
        {
            gl -= Math.Log(x0 - 1);
            x0 -= 1;
        }

        return gl;
    }

    private static long Inversion(double lambda, ref ulong state)
    {
        var u = Uniform(ref state);
        var p = Math.Exp(-lambda);
        var cumulative = p;
        long k = 0;

        // The tail beyond 200 has probability below 1e-200 for λ < 10: the loop ends long before.
        while (u >= cumulative && k < 200)
        {
            k++;
            p *= lambda / k;
            cumulative += p;
        }

        return k;
    }

    private static long Ptrs(double lambda, ref ulong state)
    {
        var sqrtLambda = Math.Sqrt(lambda);
        var logLambda = Math.Log(lambda);
        var b = 0.931 + (2.53 * sqrtLambda);
        var a = -0.059 + (0.02483 * b);
        var inverseAlpha = 1.1239 + (1.1328 / (b - 3.4));
        var vr = 0.9277 - (3.6224 / (b - 2));
        while (true)
        {
            var u = Uniform(ref state) - 0.5;
            var v = Uniform(ref state);
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2 * a / us) + b) * u) + lambda + 0.43);
            if (us >= 0.07 && v <= vr)
            {
                return (long)k;
            }

            if (k < 0 || (us < 0.013 && v > us))
            {
                continue;
            }

            if (Math.Log(v) + Math.Log(inverseAlpha) - Math.Log((a / (us * us)) + b) <= -lambda + (k * logLambda) - LogGamma(k + 1))
            {
                return (long)k;
            }
        }
    }
}
