using MathNet.Numerics.Distributions;

namespace ModelGate.Core.Statistics;

/// <summary>The outcome of DeLong's paired test of two ROC AUCs on the same rows.</summary>
/// <param name="CandidateAuc">Candidate's AUC.</param>
/// <param name="BaselineAuc">Baseline's AUC.</param>
/// <param name="Delta">Candidate minus baseline.</param>
/// <param name="Variance">DeLong variance of the delta.</param>
/// <param name="PValue">Two-sided p-value (normal approximation).</param>
/// <param name="Interval">Normal interval of the delta.</param>
internal sealed record DeLongResult(double CandidateAuc, double BaselineAuc, double Delta, double Variance, double PValue, Interval Interval);

/// <summary>
/// DeLong, DeLong and Clarke-Pearson (1988) paired test for correlated ROC AUCs, computed with the
/// midrank algorithm of Sun and Xu (2014). Unweighted; ties get midranks (AUC counts ties as 1/2).
/// </summary>
internal static class DeLong
{
    /// <summary>Tests candidate vs baseline scores for the same binary labels (1 = positive). Null when a class is missing.</summary>
    public static DeLongResult? Test(ReadOnlySpan<int> labels, ReadOnlySpan<double> candidateScores, ReadOnlySpan<double> baselineScores, double confidence)
    {
        if (Paired(labels, candidateScores, baselineScores) is not { } paired)
        {
            return null;
        }

        var (aucC, _, aucB, _, variance) = paired;
        var delta = aucC - aucB;
        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidence) / 2));
        var se = Math.Sqrt(variance);
        var p = se == 0 ? (delta == 0 ? 1 : 0) : 2 * (1 - Normal.CDF(0, 1, Math.Abs(delta) / se));
        return new DeLongResult(aucC, aucB, delta, variance, p, new Interval(delta - (z * se), delta + (z * se), confidence));
    }

    /// <summary>
    /// Both AUCs with their DeLong variances and the variance of their difference, from one set of structural components
    /// per model. Null when a class has fewer than two rows.
    /// </summary>
    public static (double CandidateAuc, double CandidateVariance, double BaselineAuc, double BaselineVariance, double DeltaVariance)? Paired(ReadOnlySpan<int> labels, ReadOnlySpan<double> candidateScores, ReadOnlySpan<double> baselineScores)
    {
        var m = 0;
        foreach (var y in labels)
        {
            m += y == 1 ? 1 : 0;
        }

        var n = labels.Length - m;
        if (m < 2 || n < 2)
        {
            return null;
        }

        var (aucC, v10C, v01C) = Components(labels, candidateScores, m, n);
        var (aucB, v10B, v01B) = Components(labels, baselineScores, m, n);
        var varC = (Covariance(v10C, v10C) / m) + (Covariance(v01C, v01C) / n);
        var varB = (Covariance(v10B, v10B) / m) + (Covariance(v01B, v01B) / n);
        var s10 = Covariance(v10C, v10C) + Covariance(v10B, v10B) - (2 * Covariance(v10C, v10B));
        var s01 = Covariance(v01C, v01C) + Covariance(v01B, v01B) - (2 * Covariance(v01C, v01B));
        return (aucC, varC, aucB, varB, Math.Max(0, (s10 / m) + (s01 / n)));
    }

    /// <summary>DeLong's variance of one AUC (for a single-model interval). Null when a class is missing.</summary>
    public static (double Auc, double Variance)? OneModel(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores)
    {
        var m = 0;
        foreach (var y in labels)
        {
            m += y == 1 ? 1 : 0;
        }

        var n = labels.Length - m;
        if (m < 2 || n < 2)
        {
            return null;
        }

        var (auc, v10, v01) = Components(labels, scores, m, n);
        return (auc, (Covariance(v10, v10) / m) + (Covariance(v01, v01) / n));
    }

    private static (double Auc, double[] V10, double[] V01) Components(ReadOnlySpan<int> labels, ReadOnlySpan<double> scores, int m, int n)
    {
        var positives = new double[m];
        var negatives = new double[n];
        var all = new double[m + n];
        int pi = 0, ni = 0;
        for (var i = 0; i < labels.Length; i++)
        {
            if (labels[i] == 1)
            {
                positives[pi++] = scores[i];
            }
            else
            {
                negatives[ni++] = scores[i];
            }
        }

        positives.CopyTo(all, 0);
        negatives.CopyTo(all, m);
        var tx = MidRanks(positives);
        var ty = MidRanks(negatives);
        var tz = MidRanks(all);
        var v10 = new double[m];
        var v01 = new double[n];
        var sumPositiveRanks = 0.0;
        for (var i = 0; i < m; i++)
        {
            sumPositiveRanks += tz[i];
            v10[i] = (tz[i] - tx[i]) / n;
        }

        for (var j = 0; j < n; j++)
        {
            v01[j] = 1 - ((tz[m + j] - ty[j]) / m);
        }

        var auc = (sumPositiveRanks - ((double)m * (m + 1) / 2)) / ((double)m * n);
        return (auc, v10, v01);
    }

    /// <summary>1-based midranks (ties share the mean of their ranks).</summary>
    internal static double[] MidRanks(double[] values)
    {
        var order = Enumerable.Range(0, values.Length).ToArray();
        var keys = (double[])values.Clone();
        Array.Sort(keys, order);
        var ranks = new double[values.Length];
        var i = 0;
        while (i < keys.Length)
        {
            var j = i;
            while (j + 1 < keys.Length && keys[j + 1] == keys[i])
            {
                j++;
            }

            var rank = ((i + j) / 2.0) + 1;
            for (var k = i; k <= j; k++)
            {
                ranks[order[k]] = rank;
            }

            i = j + 1;
        }

        return ranks;
    }

    private static double Covariance(double[] a, double[] b)
    {
        var meanA = a.Average();
        var meanB = b.Average();
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += (a[i] - meanA) * (b[i] - meanB);
        }

        return sum / (a.Length - 1);
    }
}
