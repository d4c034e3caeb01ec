using System.Globalization;
using ModelGate.Core.Evaluation;

namespace ModelGate.Core.Verdicts;

/// <summary>Drops rows where either model produced a NaN or infinite score, keeping every column aligned.</summary>
internal static class FiniteRows
{
    /// <summary>Row ids listed at most.</summary>
    public const int ListedCap = 20;

    public static (EvaluationData Data, int Excluded, IReadOnlyList<string> FirstIds) Filter(EvaluationData data)
    {
        var n = data.RowCount;
        var keep = new List<int>(n);
        var excludedIds = new List<string>();
        var excluded = 0;
        for (var i = 0; i < n; i++)
        {
            if (IsFinite(data.Candidate, i) && (data.Baseline is null || IsFinite(data.Baseline, i)))
            {
                keep.Add(i);
                continue;
            }

            excluded++;
            if (excludedIds.Count < ListedCap)
            {
                excludedIds.Add(data.RowIds?[i] ?? (i + 1).ToString(CultureInfo.InvariantCulture));
            }
        }

        var train = data.Train;
        if (train is not null)
        {
            var trainKeep = Enumerable.Range(0, train.Candidate.RowCount).Where(i => IsFinite(train.Candidate, i)).ToArray();
            if (trainKeep.Length != train.Candidate.RowCount)
            {
                train = new TrainSample(Pick(train.ClassLabels, trainKeep), Pick(train.Targets, trainKeep), Pick(train.Candidate, trainKeep));
            }
        }

        if (excluded == 0)
        {
            return (data with { Train = train }, 0, []);
        }

        var rows = keep.ToArray();
        var filtered = data with
        {
            ClassLabels = Pick(data.ClassLabels, rows),
            Targets = Pick(data.Targets, rows),
            Candidate = Pick(data.Candidate, rows),
            Baseline = data.Baseline is null ? null : Pick(data.Baseline, rows),
            RowIds = data.RowIds is null ? [.. rows.Select(r => (r + 1).ToString(CultureInfo.InvariantCulture))] : [.. rows.Select(r => data.RowIds[r])],
            Weights = Pick(data.Weights, rows),
            Slices = data.Slices.ToDictionary(s => s.Key, s => s.Value with { GroupOf = Pick(s.Value.GroupOf, rows)! }, StringComparer.Ordinal),
            SafetySets = data.SafetySets.ToDictionary(s => s.Key, s => Pick(s.Value, rows)!, StringComparer.Ordinal),
            Train = train,
        };
        return (filtered, excluded, excludedIds);
    }

    private static bool IsFinite(Predictions p, int row)
    {
        foreach (var v in p.Row(row))
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    private static T[]? Pick<T>(T[]? values, int[] rows) => values is null ? null : [.. rows.Select(r => values[r])];

    private static Predictions Pick(Predictions p, int[] rows)
    {
        var k = p.ClassCount;
        var scores = new double[rows.Length * k];
        for (var j = 0; j < rows.Length; j++)
        {
            p.Row(rows[j]).CopyTo(scores.AsSpan(j * k, k));
        }

        return new Predictions(scores, rows.Length, k);
    }
}
