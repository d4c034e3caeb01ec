using System.Globalization;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;

namespace ModelGate.Core.Slices;

/// <summary>
/// Cuts rows into ordered windows along an order column: numbers, or ISO dates (yyyy-MM-dd, optionally with a time and
/// an offset; the date is the one written, the offset is not applied), or the row order when there is no column. Every
/// row falls in exactly one window; a missing or unreadable value is an error naming the row.
/// </summary>
internal static class RollingWindows
{
    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    /// <summary>
    /// The windows of <paramref name="rows"/> rows, or the first row that cannot be placed. <paramref name="text"/> is the order column as written (null: row
    /// order); <paramref name="numbers"/> its values when the column is numeric (null for a text column).
    /// </summary>
    public static WindowCut Of(string name, int rows, WindowPeriod period, int count, IReadOnlyList<string?>? text, double[]? numbers)
    {
        try
        {
            return new WindowCut(Cut(name, rows, period, count, text, numbers), null);
        }
        catch (Unplaceable e)
        {
            return new WindowCut(null, e.Problem);
        }
    }

    private static SliceColumn Cut(string name, int rows, WindowPeriod period, int count, IReadOnlyList<string?>? text, double[]? numbers)
    {
        if (text is null)
        {
            return period == WindowPeriod.Count
                ? ByCount(name, [.. Enumerable.Range(0, rows)], count, i => (i + 1).ToString(CultureInfo.InvariantCulture), "rows ")
                : throw new ArgumentException("Period windows need an order column.", nameof(text));
        }

        for (var i = 0; i < rows; i++)
        {
            if (text[i] is null)
            {
                throw new Unplaceable(i, null, "the order column has no value in this row");
            }
        }

        if (period == WindowPeriod.Value)
        {
            return ByValue(name, text, numbers);
        }

        if (period == WindowPeriod.Count && numbers is not null)
        {
            var order = Enumerable.Range(0, rows).OrderBy(i => numbers[i]).ThenBy(i => i).ToArray();
            return ByCount(name, order, count, i => text[i]!, string.Empty);
        }

        if (numbers is not null)
        {
            throw new Unplaceable(0, text[0], $"the order column holds numbers, not ISO dates, so it cannot be cut by {period.ToString().ToLowerInvariant()}");
        }

        var dates = new DateTime[rows];
        for (var i = 0; i < rows; i++)
        {
            dates[i] = ParseDate(i, text[i]!);
        }

        if (period == WindowPeriod.Count)
        {
            var order = Enumerable.Range(0, rows).OrderBy(i => dates[i]).ThenBy(i => i).ToArray();
            return ByCount(name, order, count, i => text[i]!, string.Empty);
        }

        var keys = dates.Select(d => PeriodKey(d, period)).ToArray();
        return Group(name, keys, [.. keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }

    /// <summary>The window name of a date: yyyy-MM-dd, yyyy-Www (ISO week), yyyy-MM or yyyy.</summary>
    public static string PeriodKey(DateTime date, WindowPeriod period) => period switch
    {
        WindowPeriod.Day => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        WindowPeriod.Week => string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(date):0000}-W{ISOWeek.GetWeekOfYear(date):00}"),
        WindowPeriod.Month => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        WindowPeriod.Year => date.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(period), period, "not a calendar period"),
    };

    private static DateTime ParseDate(int row, string value)
    {
        var trimmed = value.Trim();
        if (DateTimeOffset.TryParseExact(trimmed, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var written))
        {
            // The calendar date as written: an offset does not move a row into another day.
            return written.DateTime;
        }

        throw new Unplaceable(row, value, "the order column's value is not an ISO date (yyyy-MM-dd, optionally with a time)");
    }

    // Sorted positions p go to window floor(p * count / n): sizes differ by at most one, the larger windows first.
    private static SliceColumn ByCount(string name, int[] order, int count, Func<int, string> label, string prefix)
    {
        var n = order.Length;
        var windows = Math.Max(1, Math.Min(count, n));
        var of = new int[n];
        var first = new int[windows];
        var last = new int[windows];
        for (var p = 0; p < n; p++)
        {
            var w = (int)((long)p * windows / n);
            if (p == 0 || of[order[p - 1]] != w)
            {
                first[w] = order[p];
            }

            of[order[p]] = w;
            last[w] = order[p];
        }

        var names = Enumerable.Range(0, windows).Select(w =>
        {
            string a = label(first[w]), b = label(last[w]);
            return string.Create(CultureInfo.InvariantCulture, $"{w + 1}: {prefix}{a}{(a == b ? string.Empty : "–" + b)}");
        }).ToList();
        return new SliceColumn(name, of, n == 0 ? [] : names);
    }

    private static SliceColumn ByValue(string name, IReadOnlyList<string?> text, double[]? numbers)
    {
        var keys = text.Select(t => t!).ToArray();
        var firstRow = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < keys.Length; i++)
        {
            firstRow.TryAdd(keys[i], i);
        }

        var ordered = numbers is null
            ? keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList()
            : [.. firstRow.Keys.OrderBy(k => numbers[firstRow[k]])];
        return Group(name, keys, ordered);
    }

    // Unwinds the cut from the first unplaceable row; never leaves this class.
    private sealed class Unplaceable(int row, string? value, string problem) : Exception(problem)
    {
        public WindowOrderProblem Problem { get; } = new(row, value, problem);
    }

    private static SliceColumn Group(string name, string[] keys, List<string> ordered)
    {
        var index = ordered.Select((k, i) => (k, i)).ToDictionary(t => t.k, t => t.i, StringComparer.Ordinal);
        return new SliceColumn(name, [.. keys.Select(k => index[k])], ordered);
    }
}

/// <summary>A row whose order value cannot place it in a window: the 0-based row, the value as written (null when missing) and what is wrong.</summary>
internal sealed record WindowOrderProblem(int Row, string? Value, string Problem);

/// <summary>The windows, or the first row that cannot be placed.</summary>
/// <param name="Column">The windows; null when <paramref name="Problem"/> is set.</param>
/// <param name="Problem">The row that cannot be placed; null when every row has a window.</param>
internal sealed record WindowCut(SliceColumn? Column, WindowOrderProblem? Problem);
