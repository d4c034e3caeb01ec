using MathNet.Numerics.Distributions;
using ModelGate.Core.Metrics;

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

    /// <summary>
    /// <see cref="Paired"/>'s three variances on every slot at once (slot 0: every row; slot g + 1: the rows with
    /// <paramref name="groupOf"/> = g), from each model's own sorted order of P(positive) (<see cref="ScoredModel.OrderRows"/>,
    /// sorted once and shared): one walk of that order per model fills every slot's structural components, with no
    /// per-group sort or copy. NaN where a slot has fewer than two rows of a class, on slot 0 when
    /// <paramref name="overall"/> is false, and for the baseline and the delta without a baseline. Equal to
    /// <see cref="Paired"/> on each slot's rows up to the order of floating-point sums (the components are identical).
    /// </summary>
    public static (double[] Candidate, double[] Baseline, double[] Delta) PairedBySlot(ScoredModel candidate, ScoredModel? baseline, int[]? groupOf, int groups, bool overall)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        var labels = candidate.LabelsRows!;
        var rows = labels.Length;
        var slots = 1 + groups;
        var m = new int[slots];
        var n = new int[slots];
        for (var i = 0; i < rows; i++)
        {
            var positive = labels[i] == 1;
            if (overall)
            {
                (positive ? m : n)[0]++;
            }

            var g = groupOf is null ? -1 : groupOf[i];
            if (g >= 0)
            {
                (positive ? m : n)[g + 1]++;
            }
        }

        var varC = new double[slots];
        var varB = new double[slots];
        var varD = new double[slots];
        Array.Fill(varC, double.NaN);
        Array.Fill(varB, double.NaN);
        Array.Fill(varD, double.NaN);

        // Per row: V10 for a positive, V01 for a negative, once for slot 0 and once for the row's group.
        var c0 = overall ? new double[rows] : null;
        var cg = groupOf is null ? null : new double[rows];
        Components(labels, candidate, groupOf, m, n, c0, cg);
        double[]? b0 = null, bg = null;
        if (baseline is not null)
        {
            b0 = overall ? new double[rows] : null;
            bg = groupOf is null ? null : new double[rows];
            Components(labels, baseline, groupOf, m, n, b0, bg);
        }

        // Means of each component per slot and class, then the centred sums, both in row order.
        var sumC = new double[2 * slots];
        var sumB = new double[2 * slots];
        for (var i = 0; i < rows; i++)
        {
            var at = labels[i] == 1 ? 0 : 1;
            if (c0 is not null)
            {
                sumC[at] += c0[i];
                sumB[at] += b0 is null ? 0 : b0[i];
            }

            var g = groupOf is null ? -1 : groupOf[i];
            if (g >= 0)
            {
                sumC[(2 * (g + 1)) + at] += cg![i];
                sumB[(2 * (g + 1)) + at] += bg is null ? 0 : bg[i];
            }
        }

        var meanC = new double[2 * slots];
        var meanB = new double[2 * slots];
        for (var s = 0; s < slots; s++)
        {
            meanC[2 * s] = sumC[2 * s] / m[s];
            meanB[2 * s] = sumB[2 * s] / m[s];
            meanC[(2 * s) + 1] = sumC[(2 * s) + 1] / n[s];
            meanB[(2 * s) + 1] = sumB[(2 * s) + 1] / n[s];
        }

        var cc = new double[2 * slots];
        var bb = new double[2 * slots];
        var cb = new double[2 * slots];
        for (var i = 0; i < rows; i++)
        {
            var at = labels[i] == 1 ? 0 : 1;
            if (c0 is not null)
            {
                Accumulate(at, c0[i], b0 is null ? 0 : b0[i]);
            }

            var g = groupOf is null ? -1 : groupOf[i];
            if (g >= 0)
            {
                Accumulate((2 * (g + 1)) + at, cg![i], bg is null ? 0 : bg[i]);
            }
        }

        for (var s = overall ? 0 : 1; s < slots; s++)
        {
            double ms = m[s], ns = n[s];
            if (ms < 2 || ns < 2)
            {
                continue;
            }

            var c10 = cc[2 * s] / (ms - 1);
            var c01 = cc[(2 * s) + 1] / (ns - 1);
            varC[s] = (c10 / ms) + (c01 / ns);
            if (baseline is not null)
            {
                var b10 = bb[2 * s] / (ms - 1);
                var b01 = bb[(2 * s) + 1] / (ns - 1);
                varB[s] = (b10 / ms) + (b01 / ns);
                var s10 = c10 + b10 - (2 * (cb[2 * s] / (ms - 1)));
                var s01 = c01 + b01 - (2 * (cb[(2 * s) + 1] / (ns - 1)));
                varD[s] = Math.Max(0, (s10 / ms) + (s01 / ns));
            }
        }

        return (varC, varB, varD);

        void Accumulate(int at, double c, double b)
        {
            var dc = c - meanC[at];
            var db = b - meanB[at];
            cc[at] += dc * dc;
            bb[at] += db * db;
            cb[at] += dc * db;
        }
    }

    /// <summary>
    /// One model's structural components on every slot, from one walk of its ascending order of P(positive): a positive's
    /// V10 is (negatives below + half the tied negatives) / n of its slot, a negative's V01 is 1 − (positives below + half
    /// the tied positives) / m — exactly midrank(all) − midrank(own class), as <see cref="Components"/> computes it.
    /// </summary>
    private static void Components(int[] labels, ScoredModel model, int[]? groupOf, int[] m, int[] n, double[]? overall, double[]? group)
    {
        var order = model.OrderRows(1);
        var slots = m.Length;
        var posBelow = new int[slots];
        var negBelow = new int[slots];
        var posTied = new int[slots];
        var negTied = new int[slots];
        var k = 0;
        while (k < order.Length)
        {
            var key = model.Probability(order[k], 1);
            var end = k + 1;
            while (end < order.Length && model.Probability(order[end], 1) == key)
            {
                end++;
            }

            for (var r = k; r < end; r++)
            {
                var row = order[r];
                var tied = labels[row] == 1 ? posTied : negTied;
                if (overall is not null)
                {
                    tied[0]++;
                }

                var g = groupOf is null ? -1 : groupOf[row];
                if (g >= 0)
                {
                    tied[g + 1]++;
                }
            }

            for (var r = k; r < end; r++)
            {
                var row = order[r];
                var positive = labels[row] == 1;
                if (overall is not null)
                {
                    overall[row] = Value(0, positive);
                }

                var g = groupOf is null ? -1 : groupOf[row];
                if (g >= 0)
                {
                    group![row] = Value(g + 1, positive);
                }
            }

            for (var r = k; r < end; r++)
            {
                var row = order[r];
                if (overall is not null)
                {
                    Advance(0);
                }

                var g = groupOf is null ? -1 : groupOf[row];
                if (g >= 0)
                {
                    Advance(g + 1);
                }
            }

            k = end;
        }

        double Value(int s, bool positive) => positive
            ? (negBelow[s] + (0.5 * negTied[s])) / n[s]
            : 1 - ((posBelow[s] + (0.5 * posTied[s])) / m[s]);

        void Advance(int s)
        {
            posBelow[s] += posTied[s];
            negBelow[s] += negTied[s];
            posTied[s] = 0;
            negTied[s] = 0;
        }
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
