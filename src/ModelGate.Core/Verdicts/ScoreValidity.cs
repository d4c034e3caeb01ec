using System.Globalization;
using ModelGate.Core.Evaluation;

namespace ModelGate.Core.Verdicts;

/// <summary>
/// Finds the rows a model scored NaN or infinite, before any metric. The candidate's invalid rows are judged by the
/// <c>scores_valid</c> check and left out of every metric (loudly: the check lists them); a baseline with invalid rows
/// is not compared at all, so its comparisons are inconclusive with the reason rather than computed on a silent subset.
/// </summary>
internal static class ScoreValidity
{
    /// <summary>Row ids listed at most.</summary>
    public const int ListedCap = 20;

    /// <summary>The outcome: the data to judge (candidate-invalid rows removed; the baseline removed when it is invalid).</summary>
    internal sealed record Outcome(
        EvaluationData Data,
        int CandidateInvalid,
        IReadOnlyList<string> CandidateIds,
        int BaselineInvalid,
        IReadOnlyList<string> BaselineIds,
        int TrainInvalid,
        int TrainRows)
    {
        /// <summary>Why the baseline cannot be compared, or null when it can.</summary>
        public string? BaselineProblem => BaselineInvalid == 0 ? null
            : $"the baseline scored NaN or infinity on {BaselineInvalid.ToString("N0", CultureInfo.InvariantCulture)} row{(BaselineInvalid == 1 ? string.Empty : "s")} ({string.Join(", ", BaselineIds)}{(BaselineInvalid > BaselineIds.Count ? ", …" : string.Empty)}), so it cannot be compared";
    }

    public static Outcome Check(EvaluationData data)
    {
        var n = data.RowCount;
        var keep = new List<int>(n);
        var candidateIds = new List<string>();
        var candidateInvalid = 0;
        for (var i = 0; i < n; i++)
        {
            if (IsFinite(data.Candidate, i))
            {
                keep.Add(i);
                continue;
            }

            candidateInvalid++;
            if (candidateIds.Count < ListedCap)
            {
                candidateIds.Add(IdOf(data, i));
            }
        }

        var baselineIds = new List<string>();
        var baselineInvalid = 0;
        if (data.Baseline is { } baseline)
        {
            foreach (var i in keep)
            {
                if (!IsFinite(baseline, i))
                {
                    baselineInvalid++;
                    if (baselineIds.Count < ListedCap)
                    {
                        baselineIds.Add(IdOf(data, i));
                    }
                }
            }
        }

        var train = data.Train;
        var trainInvalid = 0;
        var trainRows = train?.Candidate.RowCount ?? 0;
        if (train is not null)
        {
            var trainKeep = Enumerable.Range(0, train.Candidate.RowCount).Where(i => IsFinite(train.Candidate, i)).ToArray();
            trainInvalid = train.Candidate.RowCount - trainKeep.Length;
            if (trainInvalid > 0)
            {
                train = new TrainSample(Pick(train.ClassLabels, trainKeep), Pick(train.Targets, trainKeep), Pick(train.Candidate, trainKeep));
            }
        }

        var judged = data with { Train = train, Baseline = baselineInvalid > 0 ? null : data.Baseline };
        if (candidateInvalid > 0)
        {
            // Drift and leakage samples keep every holdout row: their judges read the file's rows, not the scored ones.
            judged = RowSubset.Of(judged, keep.ToArray(), holdoutSamples: false);
        }

        return new Outcome(judged, candidateInvalid, candidateIds, baselineInvalid, baselineIds, trainInvalid, trainRows);
    }

    private static string IdOf(EvaluationData data, int row) => data.RowIds?[row] ?? (row + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The holdout rows the metrics judge: those with finite candidate scores, in order (every row when
    /// <paramref name="nonFinite"/> is 0). The judges number rows by their position in this list; GateEvaluator maps the
    /// row numbers of a result (<c>FlipSummary.NegativeFlipRows</c>) back to holdout rows with it.
    /// </summary>
    public static int[] FiniteRows(Predictions candidate, int nonFinite)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        return nonFinite == 0
            ? [.. Enumerable.Range(0, candidate.RowCount)]
            : [.. Enumerable.Range(0, candidate.RowCount).Where(r => IsFinite(candidate, r))];
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

    private static T[]? Pick<T>(T[]? values, int[] rows) => RowSubset.Pick(values, rows);

    private static Predictions Pick(Predictions p, int[] rows) => RowSubset.Pick(p, rows);
}
