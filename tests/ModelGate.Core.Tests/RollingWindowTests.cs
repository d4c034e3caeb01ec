using System.Globalization;
using System.Text.Json;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;
using ModelGate.Core.Slices;
using ModelGate.Core.Verdicts;

namespace ModelGate.Core.Tests;

/// <summary>
/// Rolling windows (issue 22, M2): per-window metrics and relative drops against scikit-learn values written by
/// reference/make_window_reference.py (a logistic regression on the arrests data, windows by its 'year' column and in
/// row order), and the cutting of an order column into windows.
/// </summary>
public class RollingWindowTests
{
    private static readonly Lazy<JsonElement> Reference = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Path("tests", "ModelGate.Core.Tests", "reference", "window_reference.json"))).RootElement);

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "year", "accuracy", "first" }, { "year", "roc_auc", "mean" }, { "year", "log_loss", "first" }, { "year", "f1", "mean" },
        { "year", "recall", "first" }, { "year", "brier", "mean" },
        { "rows", "accuracy", "mean" }, { "rows", "roc_auc", "first" }, { "rows", "log_loss", "mean" }, { "rows", "brier", "first" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Per_window_metrics_and_relative_drops_match_scikit_learn(string cut, string metric, string against)
    {
        var c = Reference.Value.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("name").GetString() == cut);
        var expected = c.GetProperty("metrics").GetProperty(metric);
        var spec = new RollingWindowCheckSpec
        {
            Id = "w",
            Title = "w",
            Metric = metric,
            Against = against == "first" ? WindowReference.First : WindowReference.Mean,
            LatestDropAtMost = 0.5,
        };

        var result = GateEvaluator.Evaluate(GateData.Plan(spec), Arrests(cut), GateData.Today).Judged().Single();

        var series = result.Windows!;
        Assert.Equal(ReferenceData.Strings(c.GetProperty("windows")), series.Windows.Select(w => cut == "rows" ? w.Name[..w.Name.IndexOf(':', StringComparison.Ordinal)] : w.Name));
        var values = ReferenceData.Doubles(expected.GetProperty("values"));
        var drops = ReferenceData.Doubles(expected.GetProperty(against == "first" ? "drop_vs_first" : "drop_vs_mean"));
        for (var i = 0; i < values.Length; i++)
        {
            ReferenceData.Close(values[i], series.Windows[i].Candidate.Value, 1e-9, $"{metric} in window {i}");
            Assert.True(Math.Abs(drops[i] - series.Windows[i].RelativeDrop.Value) <= 1e-9, $"drop in window {i}: expected {drops[i]}, got {series.Windows[i].RelativeDrop.Value}");
            Assert.NotNull(series.Windows[i].Candidate.Interval);
        }
    }

    [Fact]
    public void A_latest_window_whose_labels_are_flipped_fails_the_latest_drop_and_the_untouched_holdout_passes_it()
    {
        var data = Arrests("year");
        var labels = (int[])data.ClassLabels!.Clone();
        var latest = data.Windows["w"].GroupNames.Count - 1;
        var flipped = 0;
        for (var i = 0; i < labels.Length && flipped < 25; i++)
        {
            if (data.Windows["w"].GroupOf[i] == latest)
            {
                labels[i] = 1 - labels[i];
                flipped++;
            }
        }

        var spec = new RollingWindowCheckSpec { Id = "w", Title = "w", Metric = "accuracy", LatestDropAtMost = 0.05, Against = WindowReference.Mean };
        var clean = GateEvaluator.Evaluate(GateData.Plan(spec), data, GateData.Today).Judged().Single();
        var drifted = GateEvaluator.Evaluate(GateData.Plan(spec), data with { ClassLabels = labels }, GateData.Today).Judged().Single();

        Assert.NotEqual(Verdict.Fail, clean.Verdict);
        Assert.Equal(Verdict.Fail, drifted.Verdict);
        Assert.Contains("latest window (2002) relative drop", drifted.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Count_windows_have_equal_sizes_in_order_and_name_their_span()
    {
        var values = new[] { "5", "1", "4", "2", "3", "6", "7" };
        var cut = RollingWindows.Of("n", 7, WindowPeriod.Count, 3, values, [5, 1, 4, 2, 3, 6, 7]);

        var column = cut.Column!;
        Assert.Equal(["1: 1–3", "2: 4–5", "3: 6–7"], column.GroupNames);
        Assert.Equal([1, 0, 1, 0, 0, 2, 2], column.GroupOf);
        Assert.Equal(["1: rows 1–3", "2: rows 4–5", "3: rows 6–7"], RollingWindows.Of("row order", 7, WindowPeriod.Count, 3, null, null).Column!.GroupNames);
    }

    [Theory]
    [InlineData("Day", "2026-01-04|2026-01-05|2026-02-01|2026-01-04")]
    [InlineData("Week", "2026-W01|2026-W02|2026-W05")]
    [InlineData("Month", "2026-01|2026-02")]
    [InlineData("Year", "2026")]
    public void Iso_dates_are_cut_by_calendar_period_in_time_order(string name, string expected)
    {
        var period = Enum.Parse<WindowPeriod>(name);
        string?[] dates = ["2026-02-01", "2026-01-05T23:30:00+05:00", "2026-01-04", "2026-01-04 08:00"];

        var column = RollingWindows.Of("date", 4, period, 0, dates, null).Column!;

        Assert.Equal(expected.Split('|').Distinct().Order(StringComparer.Ordinal), column.GroupNames);
        Assert.Equal(RollingWindows.PeriodKey(new DateTime(2026, 1, 5), period), column.GroupNames[column.GroupOf[1]]);
    }

    [Theory]
    [InlineData("Month", "2026-02-30", 1)]
    [InlineData("Count", "01/02/2026", 1)]
    [InlineData("Week", null, 1)]
    public void A_value_that_is_not_an_iso_date_names_its_row(string name, string? bad, int row)
    {
        var period = Enum.Parse<WindowPeriod>(name);
        string?[] dates = ["2026-02-01", bad, "2026-01-04"];

        var cut = RollingWindows.Of("date", 3, period, 2, dates, null);

        Assert.Null(cut.Column);
        Assert.Equal(row, cut.Problem!.Row);
        Assert.Equal(bad, cut.Problem.Value);
    }

    [Fact]
    public void Numbers_are_windows_by_value_in_numeric_order_but_not_calendar_periods()
    {
        string?[] text = ["10", "9", "10", "100"];
        double[] numbers = [10, 9, 10, 100];

        Assert.Equal(["9", "10", "100"], RollingWindows.Of("n", 4, WindowPeriod.Value, 0, text, numbers).Column!.GroupNames);
        Assert.Contains("holds numbers", RollingWindows.Of("n", 4, WindowPeriod.Month, 0, text, numbers).Problem!.Problem, StringComparison.Ordinal);
    }

    private static EvaluationData Arrests(string cut)
    {
        var root = Reference.Value;
        var p = ReferenceData.Doubles(root.GetProperty("scores"));
        var scores = new double[p.Length * 2];
        for (var i = 0; i < p.Length; i++)
        {
            scores[2 * i] = 1 - p[i];
            scores[(2 * i) + 1] = p[i];
        }

        var years = ReferenceData.Ints(root.GetProperty("year"));
        var windows = cut == "year"
            ? RollingWindows.Of("year", p.Length, WindowPeriod.Value, 0, [.. years.Select(y => y.ToString(CultureInfo.InvariantCulture))], [.. years.Select(y => (double)y)])
            : RollingWindows.Of("row order", p.Length, WindowPeriod.Count, 4, null, null);
        return new EvaluationData
        {
            Task = TaskKind.Binary,
            ClassLabels = ReferenceData.Ints(root.GetProperty("labels")),
            ClassNames = ["0", "1"],
            Candidate = new Predictions(scores, p.Length, 2),
            Windows = new Dictionary<string, SliceColumn> { ["w"] = windows.Column! },
        };
    }
}
