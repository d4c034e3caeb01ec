namespace ModelGate.Core.Metrics;

/// <summary>
/// The ROC AUC block passes of one model's groups (every slice's group passes sorted by P(positive)), run tile by tile:
/// the model's canonical counts are cut into ranges of positions that fit in a core's cache, and every pass reads its
/// rows in one range before any pass moves to the next. A group pass reads its counts with a stride (each row in
/// another cache line), so run one after the other the passes stream the whole counts array from memory once each;
/// tiled, it comes from memory once per block. Each pass runs exactly its own loop, in pieces, so the results are
/// those of <see cref="RankedPass.RocAucBlock"/>.
/// </summary>
internal sealed class TiledAuc
{
    // 65,536 positions: 512 KB of eight-resample counts.
    private const int RangeBits = 16;

    private readonly RankedPass[] _passes;
    private readonly int[][] _bounds;
    private readonly int _ranges;

    public TiledAuc(ScoredModel model, IReadOnlyList<RankedPass> passes)
    {
        Model = model;
        _passes = [.. passes];
        _ranges = (model.RowCount >> RangeBits) + 1;
        _bounds = new int[_passes.Length][];
        for (var p = 0; p < _passes.Length; p++)
        {
            // Positions increase along a pass sorted by the canonical column (tie blocks aside, which may straddle a
            // bound: any cut of the loop into consecutive pieces gives the same sums, the cut only decides the tiles).
            var packed = _passes[p].Packed;
            var bounds = new int[_ranges + 1];
            var k = 0;
            for (var r = 0; r < _ranges; r++)
            {
                bounds[r] = k;
                var end = (r + 1) << RangeBits;
                while (k < packed.Length && (packed[k] & RankedPass.MaxRows) < end)
                {
                    k++;
                }
            }

            bounds[_ranges] = packed.Length;
            _bounds[p] = bounds;
        }
    }

    /// <summary>How many passes run together.</summary>
    public int Passes => _passes.Length;

    /// <summary>The model whose canonical counts the passes read.</summary>
    public ScoredModel Model { get; }

    /// <summary>Computes every pass's AUC for eight resamples and stores it in the memos under that pass.</summary>
    public void Run(ReadOnlySpan<ulong> counts, PassMemo[] memos)
    {
        var states = new RankedPass.BlockAucState[_passes.Length];
        for (var r = 0; r < _ranges; r++)
        {
            for (var p = 0; p < _passes.Length; p++)
            {
                _passes[p].AccumulateBlock(counts, _bounds[p][r], _bounds[p][r + 1], ref states[p]);
            }
        }

        for (var p = 0; p < _passes.Length; p++)
        {
            var results = _passes[p].FinishBlock(counts, states[p]);
            for (var b = 0; b < MetricSet.BlockWidth; b++)
            {
                memos[b].Add(_passes[p], results[b]);
            }
        }
    }
}
