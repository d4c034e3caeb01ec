using System.Globalization;
using ModelGate.Core.Metrics;
using ModelGate.Core.Plan;
using ModelGate.Core.Statistics;

namespace ModelGate.Core.Verdicts;

/// <summary>The analytic side of the context: which slots take analytic intervals, and their standard errors.</summary>
internal sealed partial class EvaluationContext
{
    private readonly Dictionary<(string Scope, MetricRequest Request), SlotErrors> _analytic = [];

    /// <summary>"paired bootstrap (1,000 resamples)", the name of every bootstrap interval of the holdout.</summary>
    public string BootstrapName => string.Create(CultureInfo.InvariantCulture, $"paired bootstrap ({Statistics.Resamples:N0} resamples)");

    /// <summary>The name of the intervals of <paramref name="request"/> in <paramref name="scope"/> that come from replicates.</summary>
    public string BootstrapNameFor(string scope, MetricRequest request) =>
        _scopes[scope].Locate(request, 0).Part.Path == ResamplePath.Bins
            ? string.Create(CultureInfo.InvariantCulture, $"paired bootstrap ({Statistics.Resamples:N0} resamples, binned)")
            : BootstrapName;

    /// <summary>Whether analytic intervals are allowed at all: not with row weights, nor with <c>method: bootstrap</c>.</summary>
    private bool AnalyticAllowed => Statistics.Method != StatisticsMethod.Bootstrap && Data.Weights is null;

    /// <summary>The standard error and method name of an analytic interval (role null: the delta), or null for the bootstrap.</summary>
    private (double Error, string Method)? AnalyticError(ModelRole? role, string scope, MetricRequest request, int slot)
    {
        if (!_analytic.TryGetValue((scope, request), out var errors) || !UsesAnalytic(_scopes[scope], slot))
        {
            return null;
        }

        var values = role switch
        {
            ModelRole.Candidate => errors.Candidate,
            ModelRole.Baseline => errors.Baseline,
            _ => errors.Delta,
        };
        var se = values[slot];
        return double.IsFinite(se) ? (se, AnalyticIntervals.MethodName(errors.Family, role is null)) : null;
    }

    // Auto: a slot takes the analytic interval from AnalyticIntervals.AutoMinRows rows; analytic: always.
    private bool UsesAnalytic(Scope scope, int slot) =>
        AnalyticAllowed && (Statistics.Method == StatisticsMethod.Analytic || scope.SlotRows[slot] >= AnalyticIntervals.AutoMinRows);

    // Every slot analytic with a finite error (or no rows): the request needs no replicates unless a check reads them.
    private bool AnalyticEverywhere(Scope scope, MetricRequest request)
    {
        if (!_analytic.TryGetValue((scope.Name, request), out var errors))
        {
            return false;
        }

        for (var slot = 0; slot < scope.SlotRows.Length; slot++)
        {
            var finite = double.IsFinite(errors.Candidate[slot]) && (Baseline is null || double.IsFinite(errors.Delta[slot]));
            if (!UsesAnalytic(scope, slot) || (!finite && scope.SlotRows[slot] > 0))
            {
                return false;
            }
        }

        return true;
    }

    private void ComputeAnalytic(List<Scope> scopes)
    {
        var work = new List<(Scope Scope, MetricRequest Request)>();
        foreach (var scope in scopes)
        {
            scope.SlotRows = SlotRowsOf(scope);
            if (!AnalyticAllowed || !Enumerable.Range(0, scope.SlotRows.Length).Any(slot => UsesAnalytic(scope, slot)))
            {
                continue;
            }

            work.AddRange(scope.Requests.Where(r => AnalyticIntervals.FamilyOf(r.Kind, Data.Task) != AnalyticFamily.None).Select(r => (scope, r)));
        }

        // The whole holdout first: each slice's overall slot then reuses its errors.
        foreach (var wave in new[] { work.Where(w => w.Scope.Column is null).ToList(), work.Where(w => w.Scope.Column is not null).ToList() })
        {
            var results = new SlotErrors?[wave.Count];
            Parallel.For(0, wave.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
                results[i] = AnalyticIntervals.Compute(Candidate, Baseline, wave[i].Scope.Column, wave[i].Request, OverallErrors(wave[i].Request)));
            for (var i = 0; i < wave.Count; i++)
            {
                if (results[i] is { } errors)
                {
                    _analytic[(wave[i].Scope.Name, wave[i].Request)] = errors;
                }
            }
        }
    }

    // ECE and MCE take the binned bootstrap (BinnedBootstrap: exact counts, moment-matched value sums) where every
    // non-empty slot of the scope has AutoMinRows rows, the size from which auto trusts large-sample approximations.
    private bool Binned(Scope scope) =>
        Statistics.Method != StatisticsMethod.Bootstrap && scope.SlotRows.All(rows => rows == 0 || rows >= AnalyticIntervals.AutoMinRows);

    private SlotErrors? OverallErrors(MetricRequest request) =>
        _analytic.TryGetValue((Overall, request), out var errors) && errors.Family == AnalyticFamily.DeLong ? errors : null;

    private int[] SlotRowsOf(Scope scope)
    {
        var column = scope.Column;
        var rows = new int[1 + (column?.GroupNames.Count ?? 0)];
        rows[0] = Rows;
        if (column is not null)
        {
            foreach (var g in column.GroupOf)
            {
                if (g >= 0)
                {
                    rows[g + 1]++;
                }
            }
        }

        return rows;
    }
}
