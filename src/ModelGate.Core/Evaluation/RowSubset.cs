using System.Globalization;

namespace ModelGate.Core.Evaluation;

/// <summary>The evaluation data restricted to some of its rows: every per-row column, and the holdout side of drift and leakage samples.</summary>
internal static class RowSubset
{
    /// <summary>
    /// The data on <paramref name="rows"/> (indexes into the data's rows, in order). Row ids stay the original ones. Drift
    /// and leakage samples are restricted on their holdout side only when they hold one value per row of the data (their
    /// reference side is kept whole); with <paramref name="holdoutSamples"/> false they are kept as they are.
    /// </summary>
    public static EvaluationData Of(EvaluationData data, int[] rows, bool holdoutSamples = true)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rows);
        var n = holdoutSamples ? data.RowCount : -1;
        return data with
        {
            ClassLabels = Pick(data.ClassLabels, rows),
            Targets = Pick(data.Targets, rows),
            Candidate = Pick(data.Candidate, rows),
            Baseline = data.Baseline is null ? null : Pick(data.Baseline, rows),
            RowIds = data.RowIds is null ? [.. rows.Select(r => (r + 1).ToString(CultureInfo.InvariantCulture))] : [.. rows.Select(r => data.RowIds[r])],
            Weights = Pick(data.Weights, rows),
            Slices = data.Slices.ToDictionary(s => s.Key, s => s.Value with { GroupOf = Pick(s.Value.GroupOf, rows)! }, StringComparer.Ordinal),
            Windows = data.Windows.ToDictionary(s => s.Key, s => s.Value with { GroupOf = Pick(s.Value.GroupOf, rows)! }, StringComparer.Ordinal),
            SafetySets = data.SafetySets.ToDictionary(s => s.Key, s => Pick(s.Value, rows)!, StringComparer.Ordinal),
            DriftFeatures = data.DriftFeatures.ToDictionary(
                d => d.Key, d => (IReadOnlyList<FeatureSample>)[.. d.Value.Select(f => Holdout(f, rows, n))], StringComparer.Ordinal),
            Leakage = data.Leakage.ToDictionary(
                l => l.Key,
                l => l.Value.RowIds.Count == n
                    ? new LeakageSample([.. l.Value.Features.Select(f => Holdout(f, rows, n))], Holdout(l.Value.Label, rows, n), [.. rows.Select(r => l.Value.RowIds[r])])
                    : l.Value,
                StringComparer.Ordinal),
            Robustness = data.Robustness.ToDictionary(
                r => r.Key,
                r => r.Value.Candidate.FlipShare.Length != n ? r.Value
                    : r.Value with { Candidate = r.Value.Candidate.Pick(rows), Baseline = r.Value.Baseline?.Pick(rows) },
                StringComparer.Ordinal),
        };
    }

    /// <summary>The values at <paramref name="rows"/>; null stays null.</summary>
    public static T[]? Pick<T>(T[]? values, int[] rows) => values is null ? null : [.. rows.Select(r => values[r])];

    /// <summary>The predictions of <paramref name="rows"/>.</summary>
    public static Predictions Pick(Predictions p, int[] rows)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(rows);
        var k = p.ClassCount;
        var scores = new double[rows.Length * k];
        for (var j = 0; j < rows.Length; j++)
        {
            p.Row(rows[j]).CopyTo(scores.AsSpan(j * k, k));
        }

        return new Predictions(scores, rows.Length, k);
    }

    private static FeatureSample Holdout(FeatureSample f, int[] rows, int n) =>
        (f.HoldoutNumbers?.Length ?? f.HoldoutText?.Count) != n ? f
            : f with { HoldoutNumbers = Pick(f.HoldoutNumbers, rows), HoldoutText = f.HoldoutText is null ? null : [.. rows.Select(r => f.HoldoutText[r])] };
}
