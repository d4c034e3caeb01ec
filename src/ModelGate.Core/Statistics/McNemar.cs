using MathNet.Numerics.Distributions;

namespace ModelGate.Core.Statistics;

/// <summary>The outcome of McNemar's test on paired correctness.</summary>
/// <param name="NegativeFlips">Baseline right, candidate wrong.</param>
/// <param name="PositiveFlips">Baseline wrong, candidate right.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="Exact">True when the exact binomial test was used (few discordant pairs).</param>
/// <param name="Delta">Candidate accuracy minus baseline accuracy.</param>
/// <param name="Interval">Wald interval of the paired difference of proportions.</param>
internal sealed record McNemarResult(int NegativeFlips, int PositiveFlips, double PValue, bool Exact, double Delta, Interval Interval);

/// <summary>
/// McNemar's test (McNemar 1947): exact two-sided binomial test when there are fewer than
/// <see cref="ExactBelow"/> discordant pairs, else the chi-square test with Edwards' continuity correction.
/// </summary>
internal static class McNemar
{
    /// <summary>Discordant-pair count below which the exact test is used.</summary>
    public const int ExactBelow = 25;

    /// <summary>Tests candidate vs baseline correctness per row (unweighted counts).</summary>
    public static McNemarResult Test(ReadOnlySpan<bool> baselineCorrect, ReadOnlySpan<bool> candidateCorrect, double confidence)
    {
        if (baselineCorrect.Length != candidateCorrect.Length)
        {
            throw new ArgumentException("Both models need the same rows.", nameof(candidateCorrect));
        }

        var negative = 0;
        var positive = 0;
        for (var i = 0; i < baselineCorrect.Length; i++)
        {
            if (baselineCorrect[i] && !candidateCorrect[i])
            {
                negative++;
            }
            else if (!baselineCorrect[i] && candidateCorrect[i])
            {
                positive++;
            }
        }

        return FromCounts(negative, positive, baselineCorrect.Length, confidence);
    }

    /// <summary>McNemar's test from discordant counts over <paramref name="rows"/> paired rows.</summary>
    public static McNemarResult FromCounts(int negativeFlips, int positiveFlips, int rows, double confidence)
    {
        var discordant = negativeFlips + positiveFlips;
        double p;
        var exact = discordant < ExactBelow;
        if (discordant == 0)
        {
            p = 1;
        }
        else if (exact)
        {
            var smaller = Math.Min(negativeFlips, positiveFlips);
            p = Math.Min(1, 2 * Binomial.CDF(0.5, discordant, smaller));
        }
        else
        {
            var statistic = Math.Pow(Math.Abs(negativeFlips - positiveFlips) - 1, 2) / discordant;
            p = 1 - ChiSquared.CDF(1, statistic);
        }

        var n = (double)Math.Max(rows, 1);
        var delta = (positiveFlips - negativeFlips) / n;
        var variance = (discordant - ((double)(positiveFlips - negativeFlips) * (positiveFlips - negativeFlips) / n)) / (n * n);
        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var half = z * Math.Sqrt(Math.Max(variance, 0));
        return new McNemarResult(negativeFlips, positiveFlips, p, exact, delta, new Interval(delta - half, delta + half, confidence));
    }
}
