using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;
using ModelGate.Core.Statistics;
using ModelGate.Core.Verdicts;

namespace ModelGate.Core.Tests;

/// <summary>
/// The binned bootstrap of ECE and MCE (exact Poisson cell counts, moment-matched value sums per cell) against the
/// row-level one: over many seeds both give the same intervals up to Monte Carlo noise, with the tolerance of
/// <see cref="CellCountBootstrapTests"/>; and the gate uses it only at scale, naming it.
/// </summary>
public class BinnedBootstrapTests
{
    // At a size the gate uses the binned path from (CellCountBootstrapTests' 30 seeds × 1,000 resamples per path).
    private const int Rows = 12_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Binned_and_row_level_bootstraps_give_the_same_intervals_within_monte_carlo_noise(bool multiclass)
    {
        var task = multiclass ? TaskKind.Multiclass : TaskKind.Binary;
        var (candidate, baseline, slice) = CellCountBootstrapTests.Data(task, Rows, 21);
        MetricRequest[] requests = multiclass
            ? [new MetricRequest("ece", 15), new MetricRequest("mce", 15), new MetricRequest("ece_adaptive", 10)]
            : [new MetricRequest("ece", 10), new MetricRequest("mce", 10), new MetricRequest("ece_positive", 15)];
        CellCountBootstrapTests.AssertSameIntervalsAsRowLevel(task, (candidate, baseline, slice), requests, (sets, seed) => BinnedBootstrap.Run(sets, CellCountBootstrapTests.Resamples, seed), 25);
    }

    [Fact]
    public void Draws_do_not_depend_on_the_thread_count_and_a_model_against_itself_has_zero_deltas()
    {
        var (candidate, _, slice) = CellCountBootstrapTests.Data(TaskKind.Binary, 2000, 7);
        var set = new MetricSet(candidate, [new MetricRequest("ece", 10), new MetricRequest("mce", 10)], slice);
        CellCountBootstrapTests.AssertThreadFreeAndSelfPaired(set, (sets, threads) => BinnedBootstrap.Run(sets, 64, 5, maxDegreeOfParallelism: threads));
    }

    [Fact]
    public void Only_ece_and_mce_of_at_most_two_binnings_take_the_binned_path()
    {
        var (candidate, _, _) = CellCountBootstrapTests.Data(TaskKind.Multiclass, 200, 6);
        Assert.True(new MetricSet(candidate, [new MetricRequest("ece"), new MetricRequest("mce"), new MetricRequest("ece_adaptive", 10)]).BinnedOnly);
        Assert.False(new MetricSet(candidate, [new MetricRequest("ece"), new MetricRequest("ece", 10), new MetricRequest("ece_adaptive", 10)]).BinnedOnly);
        Assert.False(new MetricSet(candidate, [new MetricRequest("classwise_ece")]).BinnedOnly);
        Assert.False(new MetricSet(candidate, [new MetricRequest("ece"), new MetricRequest("log_loss")]).BinnedOnly);
        Assert.Throws<ArgumentException>(() => BinnedBootstrap.Run([new MetricSet(candidate, [new MetricRequest("brier")])], 10, 1));
    }

    [Fact]
    public void The_gate_takes_the_binned_path_at_auto_on_large_scopes_only_and_names_it()
    {
        GateResult Run(int rows, StatisticsMethod method)
        {
            var (candidate, baseline, _) = CellCountBootstrapTests.Data(TaskKind.Binary, rows, 8);
            var data = AnalyticIntervalsTests.BinaryGateData(candidate, baseline);
            return GateEvaluator.Evaluate(
                GateData.Plan(GateData.MetricCheck("ece", new Bound(AtMost: 0.5), new ChangeBound(MaxIncrease: 0.2))) with
                {
                    Statistics = new StatisticsOptions(Resamples: 200, Method: method),
                },
                data,
                GateData.Today);
        }

        var auto = Run(AnalyticIntervals.AutoMinRows, StatisticsMethod.Auto);
        var bootstrap = Run(AnalyticIntervals.AutoMinRows, StatisticsMethod.Bootstrap);
        var small = Run(AnalyticIntervals.AutoMinRows - 1, StatisticsMethod.Auto);
        Assert.Equal(bootstrap.Checks.Select(c => c.Verdict), auto.Checks.Select(c => c.Verdict));
        Assert.Equal("paired bootstrap (200 resamples, binned)", auto.Checks.Single(c => c.Spec.Id == "ece").Delta!.Method);
        Assert.Equal("paired bootstrap (200 resamples, binned)", auto.Headline.Single(h => h.Metric == "ece").Candidate.Method);
        Assert.Equal("paired bootstrap (200 resamples)", bootstrap.Checks.Single(c => c.Spec.Id == "ece").Delta!.Method);
        Assert.Equal("paired bootstrap (200 resamples)", small.Checks.Single(c => c.Spec.Id == "ece").Delta!.Method);
    }
}
