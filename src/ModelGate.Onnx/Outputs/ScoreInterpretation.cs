using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using ModelGate.Core;
using ModelGate.Core.Evaluation;
using ModelGate.Onnx.Errors;

namespace ModelGate.Onnx.Outputs;

/// <summary>
/// Decides what a classification output's numbers are from the numbers themselves, never from the output's name:
/// all in [0, 1] with rows summing to 1 (within <see cref="RowSumTolerance"/>) are probabilities; all ≤ 0 with exp(row)
/// summing to 1 are log-probabilities (exponentiated); anything else is logits (softmax, or sigmoid for one column).
/// A single column in [0, 1] is P(positive); outside it, a binary margin (sigmoid). With <c>scores: probabilities</c>
/// declared, values that are not probabilities stop the run (a model error) instead of being read as something they are not.
/// Runs over every row at once (the streaming path defers it until the chunks are joined), so one decision covers the holdout.
/// </summary>
internal static class ScoreInterpretation
{
    /// <summary>How far a probability row's sum may be from 1 (float32 softmax and tree outputs are within 1e-6).</summary>
    public const double RowSumTolerance = 1e-3;

    /// <summary>How far below 0 or above 1 a probability may be (float32 rounding).</summary>
    public const double RangeTolerance = 1e-6;

    /// <summary>
    /// Why canonical class scores (decoded elsewhere, e.g. read from a score file) are not probabilities — a value outside
    /// [0, 1] or a row not summing to 1 — or null when their finite values are. Non-finite values are scores_valid's.
    /// </summary>
    public static string? NotProbabilities(Predictions scores)
    {
        var stats = Stats.Of(scores);
        return stats.Finite == 0 || stats.AreProbabilities ? null : stats.Describe();
    }

    /// <summary>Turns deferred raw scores (<see cref="ScoredPredictions.Pending"/>) into canonical ones; others are returned as they are.</summary>
    public static ScoredPredictions Resolve(string modelPath, ScoredPredictions scored, ScoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentNullException.ThrowIfNull(request);
        if (!scored.Pending)
        {
            return scored;
        }

        var raw = scored.Predictions;
        var stats = Stats.Of(raw);
        Predictions result;
        ScoreKind kind;
        string why;
        if (request.Kind == ScoreKind.Logits)
        {
            result = Logits(modelPath, scored.OutputName, raw, request.Transform);
            kind = ScoreKind.Logits;
            why = "declared logits: " + (raw.ClassCount == 1 || request.Transform == LogitTransform.Sigmoid ? "sigmoid applied" : "softmax applied");
        }
        else if (request.Kind == ScoreKind.Probabilities)
        {
            if (!stats.AreProbabilities)
            {
                throw new OnnxModelException(modelPath,
                    $"output '{scored.OutputName}' is declared 'scores: probabilities', but its values are not probabilities: {stats.Describe()}.",
                    "set 'scores: logits' in the policy's models section (or leave 'scores' unset to decide from the values).");
            }

            (result, kind, why) = (Probabilities(raw), ScoreKind.Probabilities, "declared probabilities; " + stats.Describe());
        }
        else if (stats.Finite == 0)
        {
            (result, kind, why) = (Probabilities(raw), ScoreKind.Probabilities, "no finite values to decide from (see scores_valid); read as probabilities");
        }
        else if (stats.AreProbabilities)
        {
            (result, kind, why) = (Probabilities(raw), ScoreKind.Probabilities, $"detected probabilities: {stats.Describe()}");
        }
        else if (stats.AreLogProbabilities)
        {
            (result, kind, why) = (Exponentiate(raw), ScoreKind.LogProbabilities, $"detected log-probabilities: values ≤ 0 and exp(row) sums to 1 within {Number(RowSumTolerance)}; exponentiated");
        }
        else
        {
            result = Logits(modelPath, scored.OutputName, raw, LogitTransform.Auto);
            kind = ScoreKind.Logits;
            why = $"detected logits: {stats.Describe()}, so not probabilities; {(raw.ClassCount == 1 ? "sigmoid" : "softmax")} applied";
        }

        ScoreDecoder.CheckTask(modelPath, scored.OutputName, result, request.Task);
        return scored with { Predictions = result, Kind = kind, Reason = $"{scored.Reason}; {why}", Pending = false };
    }

    private static Predictions Probabilities(Predictions raw)
    {
        if (raw.ClassCount > 1)
        {
            return raw;
        }

        // A single probability per row is P(positive): expand to [1 - p, p].
        var scores = new double[raw.RowCount * 2];
        for (var r = 0; r < raw.RowCount; r++)
        {
            var p = raw.Scores[r];
            scores[2 * r] = 1 - p;
            scores[(2 * r) + 1] = p;
        }

        return new Predictions(scores, raw.RowCount, 2);
    }

    private static Predictions Exponentiate(Predictions raw)
    {
        var scores = new double[raw.Scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Exp(raw.Scores[i]);
        }

        return new Predictions(scores, raw.RowCount, raw.ClassCount);
    }

    private static Predictions Logits(string modelPath, string outputName, Predictions raw, LogitTransform transform)
    {
        var k = raw.ClassCount;
        if (k == 1 && transform != LogitTransform.Softmax)
        {
            var scores = new double[raw.RowCount * 2];
            for (var r = 0; r < raw.RowCount; r++)
            {
                var p = 1 / (1 + Math.Exp(-raw.Scores[r]));
                scores[2 * r] = 1 - p;
                scores[(2 * r) + 1] = p;
            }

            return new Predictions(scores, raw.RowCount, 2);
        }

        if (transform == LogitTransform.Sigmoid)
        {
            throw new OnnxModelException(modelPath,
                $"output '{outputName}' has {k} logit columns; sigmoid applies to a single binary logit column.",
                "use softmax for several classes.");
        }

        var result = new double[raw.Scores.Length];
        for (var r = 0; r < raw.RowCount; r++)
        {
            var row = raw.Scores.AsSpan(r * k, k);
            var max = double.NegativeInfinity;
            foreach (var z in row)
            {
                max = Math.Max(max, z);
            }

            double sum = 0;
            for (var c = 0; c < k; c++)
            {
                result[(r * k) + c] = Math.Exp(row[c] - max);
                sum += result[(r * k) + c];
            }

            for (var c = 0; c < k; c++)
            {
                result[(r * k) + c] /= sum;
            }
        }

        return new Predictions(result, raw.RowCount, k);
    }

    private static string Number(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>What the finite rows of a raw output look like: range, worst row sum, worst exp row sum.</summary>
    private sealed record Stats(int Columns, int Finite, double Min, double Max, double WorstSum, int WorstSumRow, double WorstExpSum)
    {
        public bool InUnitRange => Min >= -RangeTolerance && Max <= 1 + RangeTolerance;

        public bool AreProbabilities => InUnitRange && (Columns == 1 || Math.Abs(WorstSum - 1) <= RowSumTolerance);

        public bool AreLogProbabilities => Columns > 1 && Max <= RangeTolerance && Math.Abs(WorstExpSum - 1) <= RowSumTolerance;

        public static Stats Of(Predictions p)
        {
            ArgumentNullException.ThrowIfNull(p);
            return AllFinite(p.Scores.AsSpan(0, p.RowCount * p.ClassCount), out var min, out var max)
                ? OfFinite(p, min, max)
                : OfSomeNonFinite(p);
        }

        // The common case, every value finite: range in one vectorised pass over the flat buffer, then row sums
        // without per-value checks. Same results as the general pass (min/max are exact; sums add in the same order).
        private static Stats OfFinite(Predictions p, double min, double max)
        {
            var k = p.ClassCount;
            var scores = p.Scores;
            var (worstSum, worstRow) = (1.0, -1);
            for (int r = 0, o = 0; r < p.RowCount; r++, o += k)
            {
                double sum = 0;
                for (var c = 0; c < k; c++)
                {
                    sum += scores[o + c];
                }

                if (Math.Abs(sum - 1) > Math.Abs(worstSum - 1))
                {
                    (worstSum, worstRow) = (sum, r);
                }
            }

            var worstExp = k > 1 && p.RowCount > 0 && max <= RangeTolerance ? ExpRowSumFurthestFromOne(p) : 1.0;
            return new Stats(k, p.RowCount, min, max, worstSum, worstRow, worstExp);
        }

        private static bool AllFinite(ReadOnlySpan<double> values, out double min, out double max)
        {
            (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
            var i = 0;
            if (Vector.IsHardwareAccelerated && values.Length >= 2 * Vector<double>.Count)
            {
                var vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
                var (vmin, vmax) = (vectors[0], vectors[0]);
                var nonFinite = Vector<double>.Zero;
                foreach (var v in vectors)
                {
                    // v - v is 0 for a finite value and NaN for NaN or ±infinity; NaN propagates through the sum.
                    nonFinite += v - v;
                    vmin = Vector.Min(vmin, v);
                    vmax = Vector.Max(vmax, v);
                }

                for (var j = 0; j < Vector<double>.Count; j++)
                {
                    if (!double.IsFinite(nonFinite[j]))
                    {
                        return false;
                    }

                    (min, max) = (Math.Min(min, vmin[j]), Math.Max(max, vmax[j]));
                }

                i = vectors.Length * Vector<double>.Count;
            }

            for (; i < values.Length; i++)
            {
                var v = values[i];
                if (!double.IsFinite(v))
                {
                    return false;
                }

                (min, max) = (Math.Min(min, v), Math.Max(max, v));
            }

            return true;
        }

        private static Stats OfSomeNonFinite(Predictions p)
        {
            var k = p.ClassCount;
            var (min, max, worstSum, worstExp) = (double.PositiveInfinity, double.NegativeInfinity, 1.0, 1.0);
            var (finite, worstRow) = (0, -1);
            for (var r = 0; r < p.RowCount; r++)
            {
                var row = p.Row(r);
                var ok = true;
                double sum = 0;
                foreach (var v in row)
                {
                    ok &= double.IsFinite(v);
                    sum += v;
                }

                if (!ok)
                {
                    continue;
                }

                finite++;
                foreach (var v in row)
                {
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                }

                if (Math.Abs(sum - 1) > Math.Abs(worstSum - 1))
                {
                    (worstSum, worstRow) = (sum, r);
                }

            }

            // exp(row) only matters for log-probabilities, which need every value ≤ 0: one exp per value was most of this
            // pass's cost, so it runs only for outputs that could be log-probabilities.
            if (k > 1 && finite > 0 && max <= RangeTolerance)
            {
                worstExp = ExpRowSumFurthestFromOne(p);
            }

            return new Stats(k, finite, min, max, worstSum, worstRow, worstExp);
        }

        private static double ExpRowSumFurthestFromOne(Predictions p)
        {
            var worst = 1.0;
            for (var r = 0; r < p.RowCount; r++)
            {
                var row = p.Row(r);
                var ok = true;
                double expSum = 0;
                foreach (var v in row)
                {
                    ok &= double.IsFinite(v);
                    expSum += Math.Exp(v);
                }

                if (ok && Math.Abs(expSum - 1) > Math.Abs(worst - 1))
                {
                    worst = expSum;
                }
            }

            return worst;
        }

        public string Describe()
        {
            var range = Finite == 0 ? "no finite values" : $"values from {Number(Min)} to {Number(Max)}";
            if (Columns == 1)
            {
                return $"{range} in a single column";
            }

            return Math.Abs(WorstSum - 1) <= RowSumTolerance
                ? $"{range}, rows sum to 1 within {Number(RowSumTolerance)}"
                : $"{range}, and row {(WorstSumRow + 1).ToString(CultureInfo.InvariantCulture)} sums to {Number(WorstSum)}";
        }
    }
}
