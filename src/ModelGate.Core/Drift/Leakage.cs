using System.Globalization;
using System.Text;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Results;

namespace ModelGate.Core.Drift;

/// <summary>
/// Finds leakage between a train sample and a holdout.
/// <list type="bullet">
/// <item><b>Duplicates</b>: a holdout row whose values over every compared feature equal a train row's (numbers
/// compared exactly, a missing value equal only to a missing value).</item>
/// <item><b>Conflicting duplicates</b>: such a row whose label differs from at least one of those train rows' labels.</item>
/// <item><b>Label proxy</b>: each feature alone, as a lookup table learnt on the train sample: one cell per value, or, for
/// a numeric feature with more than <see cref="ProxyCells"/> distinct train values, per equal-mass bin of the train
/// values (as PSI bins); a cell predicts its train rows' majority label (regression: their mean), an empty cell and a
/// missing value the overall one. Scored on the holdout by balanced accuracy (classification) or R² (regression).</item>
/// </list>
/// </summary>
internal static class Leakage
{
    /// <summary>Row ids listed at most per finding.</summary>
    public const int ListedIds = 20;

    /// <summary>Cells (values or bins) a single-feature lookup table has at most.</summary>
    public const int ProxyCells = 50;

    /// <summary>Every finding; <paramref name="regression"/> scores proxies by R² instead of balanced accuracy.</summary>
    public static LeakageFindings Find(LeakageSample sample, bool regression, double? proxyBound)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var trainRows = sample.Label.ReferenceNumbers?.Length ?? sample.Label.ReferenceText!.Count;
        var holdoutRows = sample.RowIds.Count;
        var trainLabels = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        for (var i = 0; i < trainRows; i++)
        {
            var key = RowKey(sample.Features, i, reference: true);
            if (!trainLabels.TryGetValue(key, out var labels))
            {
                trainLabels[key] = labels = new HashSet<string>(StringComparer.Ordinal);
            }

            labels.Add(Value(sample.Label, i, reference: true) ?? string.Empty);
        }

        var duplicates = new List<string>();
        var conflicting = new List<string>();
        var (duplicateCount, conflictingCount) = (0, 0);
        for (var i = 0; i < holdoutRows; i++)
        {
            if (!trainLabels.TryGetValue(RowKey(sample.Features, i, reference: false), out var labels))
            {
                continue;
            }

            duplicateCount++;
            Listed(duplicates, sample.RowIds[i]);
            var label = Value(sample.Label, i, reference: false) ?? string.Empty;
            if (labels.Count > 1 || !labels.Contains(label))
            {
                conflictingCount++;
                Listed(conflicting, sample.RowIds[i]);
            }
        }

        var proxies = sample.Features
            .Select(f => (f.Name, Score: Proxy(f, sample.Label, regression)))
            .Where(p => !double.IsNaN(p.Score))
            .OrderByDescending(p => p.Score).ThenBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => new LabelProxy(p.Name, p.Score, proxyBound is { } most && p.Score > most))
            .ToList();
        return new LeakageFindings
        {
            DuplicateRows = duplicateCount,
            DuplicateIds = duplicates,
            ConflictingRows = conflictingCount,
            ConflictingIds = conflicting,
            HoldoutRows = holdoutRows,
            Proxies = proxies,
        };
    }

    /// <summary>One feature's single-feature score on the holdout; NaN when undefined (no train values, a constant regression label).</summary>
    public static double Proxy(FeatureSample feature, FeatureSample label, bool regression)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(label);
        var cellOf = Cells(feature);
        var trainCells = Enumerable.Range(0, label.ReferenceNumbers?.Length ?? label.ReferenceText!.Count).Select(i => cellOf(i, true)).ToArray();
        var holdoutCells = Enumerable.Range(0, label.HoldoutNumbers?.Length ?? label.HoldoutText!.Count).Select(i => cellOf(i, false)).ToArray();
        return regression
            ? RSquared(trainCells, holdoutCells, label.ReferenceNumbers!, label.HoldoutNumbers!)
            : BalancedAccuracy(trainCells, holdoutCells, Labels(label, true), Labels(label, false));
    }

    // Cell keys per row: the value itself, or for a numeric feature with many values, its equal-mass train bin.
    private static Func<int, bool, string?> Cells(FeatureSample f)
    {
        if (f.IsCategorical || f.ReferenceNumbers!.Where(v => !double.IsNaN(v)).Distinct().Count() <= ProxyCells)
        {
            return (i, reference) => Value(f, i, reference);
        }

        var edges = PopulationStability.Edges(KolmogorovSmirnov.Sorted(f.ReferenceNumbers), ProxyCells);
        return (i, reference) =>
        {
            var v = (reference ? f.ReferenceNumbers : f.HoldoutNumbers)![i];
            if (double.IsNaN(v))
            {
                return null;
            }

            var bin = Array.BinarySearch(edges, v);
            return (bin >= 0 ? bin + 1 : ~bin).ToString(CultureInfo.InvariantCulture);
        };
    }

    private static double BalancedAccuracy(string?[] trainCells, string?[] holdoutCells, string[] trainLabels, string[] holdoutLabels)
    {
        var overall = Majority(trainLabels);
        var rule = trainCells.Select((c, i) => (c, i)).Where(p => p.c is not null).GroupBy(p => p.c!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Majority([.. g.Select(p => trainLabels[p.i])]), StringComparer.Ordinal);
        var recalls = holdoutLabels.Select((label, i) => (label, hit: (holdoutCells[i] is { } c && rule.TryGetValue(c, out var p) ? p : overall) == label))
            .GroupBy(x => x.label, StringComparer.Ordinal)
            .Select(g => (double)g.Count(x => x.hit) / g.Count()).ToList();
        return recalls.Count == 0 ? double.NaN : recalls.Average();
    }

    private static double RSquared(string?[] trainCells, string?[] holdoutCells, double[] trainLabels, double[] holdoutLabels)
    {
        var overall = trainLabels.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average();
        var rule = trainCells.Select((c, i) => (c, i)).Where(p => p.c is not null && !double.IsNaN(trainLabels[p.i])).GroupBy(p => p.c!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(p => trainLabels[p.i]), StringComparer.Ordinal);
        var mean = holdoutLabels.Average();
        var total = holdoutLabels.Sum(y => (y - mean) * (y - mean));
        var residual = holdoutLabels.Select((y, i) => y - (holdoutCells[i] is { } c && rule.TryGetValue(c, out var p) ? p : overall)).Sum(e => e * e);
        return total == 0 ? double.NaN : 1 - (residual / total);
    }

    private static string Majority(string[] labels) =>
        labels.GroupBy(l => l, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    private static string[] Labels(FeatureSample label, bool reference)
    {
        var n = (reference ? label.ReferenceNumbers?.Length ?? label.ReferenceText!.Count : label.HoldoutNumbers?.Length ?? label.HoldoutText!.Count);
        return [.. Enumerable.Range(0, n).Select(i => Value(label, i, reference) ?? string.Empty)];
    }

    private static string RowKey(IReadOnlyList<FeatureSample> features, int row, bool reference)
    {
        var key = new StringBuilder();
        foreach (var f in features)
        {
            // A separator no value holds, and a marker that keeps a missing value apart from the text "".
            key.Append(Value(f, row, reference) is { } v ? "=" + v : "?").Append('\u001f');
        }

        return key.ToString();
    }

    private static string? Value(FeatureSample f, int row, bool reference)
    {
        if (f.IsCategorical)
        {
            return (reference ? f.ReferenceText : f.HoldoutText)![row];
        }

        var v = (reference ? f.ReferenceNumbers : f.HoldoutNumbers)![row];
        return double.IsNaN(v) ? null : v.ToString("R", CultureInfo.InvariantCulture);
    }

    private static void Listed(List<string> ids, string id)
    {
        if (ids.Count < ListedIds)
        {
            ids.Add(id);
        }
    }
}
