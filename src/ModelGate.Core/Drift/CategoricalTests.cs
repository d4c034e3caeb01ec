using MathNet.Numerics;

namespace ModelGate.Core.Drift;

/// <summary>Pearson's chi-square test of a 2 × K contingency table (reference vs holdout counts per category).</summary>
/// <param name="Statistic">χ² (with Yates' continuity correction when the table has one degree of freedom, as scipy's <c>chi2_contingency</c> does by default).</param>
/// <param name="DegreesOfFreedom">K − 1.</param>
/// <param name="PValue">P(χ²(K − 1) ≥ statistic); 1 when there is a single category.</param>
internal readonly record struct ChiSquareResult(double Statistic, int DegreesOfFreedom, double PValue);

/// <summary>Tests for a categorical feature: chi-square homogeneity and the Jensen–Shannon distance.</summary>
internal static class CategoricalTests
{
    /// <summary>scipy.stats.chi2_contingency on the table [reference counts; holdout counts] (categories empty in both must be left out).</summary>
    public static ChiSquareResult ChiSquare(IReadOnlyList<long> reference, IReadOnlyList<long> holdout)
    {
        var k = reference.Count;
        if (k < 2)
        {
            return new ChiSquareResult(0, 0, 1);
        }

        double rn = reference.Sum();
        double hn = holdout.Sum();
        var n = rn + hn;
        var dof = k - 1;
        var chi = 0.0;
        for (var j = 0; j < k; j++)
        {
            var column = reference[j] + holdout[j];
            chi += Term(reference[j], rn * column / n, dof) + Term(holdout[j], hn * column / n, dof);
        }

        return new ChiSquareResult(chi, dof, SpecialFunctions.GammaUpperRegularized(dof / 2.0, chi / 2));
    }

    /// <summary>
    /// scipy.spatial.distance.jensenshannon(p, q, base=2): the square root of the Jensen–Shannon divergence in bits,
    /// between 0 (same shares) and 1 (no category in common).
    /// </summary>
    public static double JensenShannon(IReadOnlyList<long> reference, IReadOnlyList<long> holdout)
    {
        double rn = reference.Sum();
        double hn = holdout.Sum();
        var divergence = 0.0;
        for (var j = 0; j < reference.Count; j++)
        {
            var p = reference[j] / rn;
            var q = holdout[j] / hn;
            var mid = (p + q) / 2;
            divergence += (Entropy(p, mid) + Entropy(q, mid)) / 2;
        }

        return Math.Sqrt(Math.Max(0, divergence) / Math.Log(2));
    }

    private static double Entropy(double p, double mid) => p > 0 ? p * Math.Log(p / mid) : 0;

    // Yates' correction moves each observed count 0.5 towards its expectation (never past it), on 1 degree of freedom only.
    private static double Term(double observed, double expected, int dof)
    {
        var diff = observed - expected;
        if (dof == 1)
        {
            diff = Math.Sign(diff) * Math.Max(0, Math.Abs(diff) - 0.5);
        }

        return diff * diff / expected;
    }
}
