using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace ModelGate.Core.Metrics;

/// <summary>
/// The bootstrap's block path: eight resamples per pass over the rows, one per lane of a 512-bit vector (two 256-bit
/// halves on AVX2). Resample
/// counts come interleaved (byte b of row i's 64-bit word is resample b's count), so one load gives a row's eight
/// counts; every sum then adds eight lanes at once, and the AUC pass keeps eight exact integer sums side by side.
/// Each lane computes exactly what <see cref="Evaluate{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{double}, PassMemo?)"/>
/// computes for that resample, in the same order and with the same roundings, so results do not depend on the path.
/// </summary>
internal sealed partial class MetricSet
{
    /// <summary>Resamples per block.</summary>
    public const int BlockWidth = 8;

    /// <summary>
    /// Whether the block path pays here: natively with AVX-512 (F and DQ), or with AVX2, where each 512-bit vector is two
    /// 256-bit halves. Elsewhere the bootstrap goes one resample at a time (the same results).
    /// </summary>
    public static bool BlockSupported => Native || Avx2.IsSupported;

    private static bool Native => Vector512.IsHardwareAccelerated && Avx512F.IsSupported && Avx512DQ.IsSupported;

    /// <summary>Whether this set's metrics all have a block path (classification).</summary>
    public bool Blockable { get; }

    /// <summary>
    /// Evaluates eight resamples: <paramref name="byRow"/> holds each row's eight counts, <paramref name="canonical"/> the
    /// same words in the model's canonical order (empty when <see cref="NeedsCanonical"/> is false). Writes lane b's
    /// values to <paramref name="output"/>[b × <see cref="OutputCount"/> ...] for b below <paramref name="width"/>.
    /// </summary>
    public void EvaluateBlock(ReadOnlySpan<ulong> byRow, ReadOnlySpan<ulong> canonical, int width, Span<double> output, PassMemo[] memos)
    {
        ArgumentNullException.ThrowIfNull(memos);
        if (!Blockable || !BlockSupported)
        {
            throw new InvalidOperationException("This metric set has no block path here.");
        }

        if (byRow.Length != _model.RowCount || (NeedsCanonical && canonical.Length != _model.RowCount))
        {
            throw new ArgumentException($"{byRow.Length} rows of counts for {_model.RowCount} rows.", nameof(byRow));
        }

        var size = (Slots + 1) * _stride;
        var sums = new Vector512<double>[size];
        if (!_aucOnly && !_rankedOnly)
        {
            AccumulateBlock(byRow, sums);
        }

        foreach (var passes in _passes.Values)
        {
            foreach (var pass in passes)
            {
                if (_needAuc && !memos[0].TryGet(pass, out _))
                {
                    var results = pass.RocAucBlock(canonical);
                    for (var b = 0; b < BlockWidth; b++)
                    {
                        memos[b].Add(pass, results[b]);
                    }
                }

                if (_needAveragePrecision && !memos[0].TryGetAveragePrecision(pass, out _))
                {
                    var results = pass.AveragePrecisionBlock(canonical);
                    for (var b = 0; b < BlockWidth; b++)
                    {
                        memos[b].AddAveragePrecision(pass, results[b]);
                    }
                }
            }
        }

        var lane = new double[size];
        var values = new MetricValue[OutputCount];
        var column = _model.Task == TaskKind.Binary ? 1 : 0;
        for (var b = 0; b < width; b++)
        {
            for (var j = 0; j < size; j++)
            {
                lane[j] = sums[j].GetElement(b);
            }

            if (_aucOnly)
            {
                for (var slot = 0; slot < Slots; slot++)
                {
                    memos[b].TryGet(_passes[column][slot], out var auc);
                    lane[(slot * _stride) + MetricSetLayout.Total] = auc.PositiveWeight + auc.NegativeWeight;
                }
            }
            else if (_rankedOnly)
            {
                // No pass over the rows in row order: a slot's total is only Finalize's "no rows" test, and with average
                // precision alone its positive weight stands in for it. A slot without positive weight gives NaN
                // either way (undefined average precision), one with some gives the same value: resampled values, the
                // only ones this path makes, are identical (PropertyTests compares them bit for bit).
                for (var slot = 0; slot < Slots; slot++)
                {
                    var pass = _passes[column][slot];
                    double total;
                    if (_needAuc)
                    {
                        memos[b].TryGet(pass, out var auc);
                        total = auc.PositiveWeight + auc.NegativeWeight;
                    }
                    else
                    {
                        memos[b].TryGetAveragePrecision(pass, out var ap);
                        total = ap.PositiveWeight;
                    }

                    lane[(slot * _stride) + MetricSetLayout.Total] = total;
                }
            }

            for (var slot = 0; slot < Slots; slot++)
            {
                var slotSums = lane.AsSpan(slot * _stride, _stride);
                for (var r = 0; r < _requests.Length; r++)
                {
                    values[(slot * _requests.Length) + r] = Finalize(r, slot, slotSums, ReadOnlySpan<byte>.Empty, memos[b]);
                }
            }

            Values(values, output.Slice(b * OutputCount, OutputCount));
        }
    }

    /// <summary>
    /// The group passes (slots 1..) of a binary ROC AUC over a slice, which <see cref="TiledAuc"/> runs together with the
    /// model's other group passes; empty when this set has none.
    /// </summary>
    internal RankedPass[] AucGroupPasses => _needAuc && _model.Task == TaskKind.Binary && Slots > 1 ? _passes[1][1..] : [];

    /// <summary>A row's eight byte counts as doubles (vpmovzxbq + vcvtqq2pd).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<double> Lanes(ulong counts)
    {
        var bytes = Vector128.CreateScalarUnsafe(counts).AsByte();
        if (Native)
        {
            return Avx512DQ.ConvertToVector512Double(Avx512F.ConvertToVector512Int64(bytes));
        }

        // AVX2: eight bytes to eight 32-bit integers (vpmovzxbd), each half to four doubles (vcvtdq2pd). Small integers: exact.
        var ints = Avx2.ConvertToVector256Int32(bytes);
        return Vector512.Create(Avx.ConvertToVector256Double(ints.GetLower()), Avx.ConvertToVector256Double(ints.GetUpper()));
    }

    /// <summary>The same as 64-bit integers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Vector512<long> IntegerLanes(ulong counts)
    {
        var bytes = Vector128.CreateScalarUnsafe(counts).AsByte();
        return Native
            ? Avx512F.ConvertToVector512Int64(bytes)
            : Vector512.Create(Avx2.ConvertToVector256Int64(bytes), Avx2.ConvertToVector256Int64(Vector128.CreateScalarUnsafe(counts >> 32).AsByte()));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AccumulateBlock(ReadOnlySpan<ulong> byRow, Vector512<double>[] sums)
    {
        // Mirrors Accumulate line by line (see there), with a vector of eight resamples where it has one weight.
        var (groupOf, stride, noGroup, cell, confusionOffset, logLoss, logLossOffset, brier, brierOffset, trueRank, topKOffset, firstBin, firstValue, firstOutcome, firstOffset, others) = Terms();
        for (var i = 0; i < byRow.Length; i++)
        {
            var w = Lanes(byRow[i]);
            var b = groupOf is null ? 0 : (groupOf[i] >= 0 ? (groupOf[i] + 1) * stride : noGroup);
            sums[b] += w;
            if (cell is not null)
            {
                sums[b + confusionOffset + cell[i]] += w;
            }

            if (logLoss is not null)
            {
                sums[b + logLossOffset] += w * Vector512.Create(logLoss[i]);
            }

            if (brier is not null)
            {
                sums[b + brierOffset] += w * Vector512.Create(brier[i]);
            }

            if (trueRank is not null && trueRank[i] < MetricSetLayout.TopKRanks)
            {
                sums[b + topKOffset + trueRank[i]] += w;
            }

            if (firstBin is not null)
            {
                var at = b + firstOffset + firstBin[i];
                sums[at] += w;
                sums[at + 1] += w * Vector512.Create(firstValue![i]);
                sums[at + 2] += w * Vector512.Create(firstOutcome![i]);
            }

            foreach (var binning in others)
            {
                binning.AddBlock(sums, b, i, w);
            }
        }

        if (groupOf is not null)
        {
            for (var slot = 1; slot <= Slots; slot++)
            {
                for (var j = 0; j < stride; j++)
                {
                    sums[j] += sums[(slot * stride) + j];
                }
            }
        }
    }
}
