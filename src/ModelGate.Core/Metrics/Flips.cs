using System.Globalization;
using ModelGate.Core.Results;

namespace ModelGate.Core.Metrics;

/// <summary>Negative and positive flips between a baseline and a candidate classifier on the same rows.</summary>
internal static class Flips
{
    /// <summary>Row ids listed per summary at most.</summary>
    public const int RowIdCap = 50;

    /// <summary>
    /// Counts flips over the rows where <paramref name="mask"/> is true (all rows when null). Negative flips are listed
    /// worst first: by the candidate's probability of its wrong answer, descending (ties by row).
    /// </summary>
    public static FlipSummary Count(ScoredModel candidate, ScoredModel baseline, IReadOnlyList<string>? rowIds = null, bool[]? mask = null, int cap = RowIdCap)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(baseline);
        if (candidate.Labels is null || baseline.Labels is null)
        {
            throw new ArgumentException("Flips need class labels (classification).", nameof(candidate));
        }

        int rows = 0, positive = 0, candidateErrors = 0;
        var negative = new List<(int Row, double Confidence)>();
        for (var i = 0; i < candidate.RowCount; i++)
        {
            if (mask is not null && !mask[i])
            {
                continue;
            }

            rows++;
            var y = candidate.LabelsRows![i];
            var candidateRight = candidate.PredictedRows[i] == y;
            var baselineRight = baseline.PredictedRows[i] == y;
            candidateErrors += candidateRight ? 0 : 1;
            if (baselineRight && !candidateRight)
            {
                negative.Add((i, candidate.Probability(i, candidate.PredictedRows[i])));
            }
            else if (!baselineRight && candidateRight)
            {
                positive++;
            }
        }

        var worst = negative.OrderByDescending(f => f.Confidence).ThenBy(f => f.Row).Take(cap).Select(f => f.Row).ToArray();
        return new FlipSummary
        {
            Rows = rows,
            NegativeFlips = negative.Count,
            PositiveFlips = positive,
            CandidateErrors = candidateErrors,
            NegativeFlipRows = worst,
            NegativeFlipRowIds = [.. worst.Select(r => rowIds is null ? (r + 1).ToString(CultureInfo.InvariantCulture) : rowIds[r])],
        };
    }
}
