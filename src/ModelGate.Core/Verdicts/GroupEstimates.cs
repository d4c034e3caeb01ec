using ModelGate.Core.Evaluation;
using ModelGate.Core.Metrics;
using ModelGate.Core.Statistics;

namespace ModelGate.Core.Verdicts;

/// <summary>Per-group values of one metric on one slice: support, candidate/baseline estimates and the paired delta.</summary>
internal static class GroupEstimates
{
    public static string ScopeOf(string slice) => "slice:" + slice;

    public static IReadOnlyList<GroupRow> For(EvaluationContext ctx, SliceColumn column, MetricRequest request, string? scope = null)
    {
        scope ??= ScopeOf(column.Name);
        var rows = new List<GroupRow>();
        for (var g = 0; g < column.GroupNames.Count; g++)
        {
            var support = 0;
            foreach (var k in column.GroupOf)
            {
                support += k == g ? 1 : 0;
            }

            var candidate = Estimate(ctx, ModelRole.Candidate, scope, column, request, g);
            Core.Estimate? baseline = null;
            Core.Estimate? delta = null;
            double[]? deltaReplicates = null;
            if (ctx.Baseline is not null)
            {
                baseline = Estimate(ctx, ModelRole.Baseline, scope, column, request, g);
                (delta, _) = ctx.Delta(scope, request, g + 1);
                deltaReplicates = ctx.HasReplicatesFor(scope, request) ? ctx.DeltaReplicates(scope, request, g + 1) : null;
            }

            rows.Add(new GroupRow(column.Name, column.GroupNames[g], g, support, support < ctx.Statistics.MinSupport, candidate, baseline, delta, deltaReplicates));
        }

        return rows;
    }

    /// <summary>Wilson interval for proportion metrics on unweighted rows, else the percentile bootstrap.</summary>
    private static Core.Estimate Estimate(EvaluationContext ctx, ModelRole role, string scope, SliceColumn column, MetricRequest request, int g)
    {
        var point = ctx.Point(role, scope, request, g + 1);
        if (!point.IsDefined)
        {
            return point.ToEstimate();
        }

        var model = role == ModelRole.Candidate ? ctx.Candidate : ctx.Baseline!;
        var trials = ctx.Data.Weights is null ? ProportionTrials(model, request, column.GroupOf, g) : null;
        if (trials is { } n)
        {
            return point.ToEstimate(Wilson.Interval(Math.Round(point.Value * n), n, ctx.Statistics.Confidence)) with { Method = "Wilson" };
        }

        return ctx.Estimate(role, scope, request, g + 1);
    }

    /// <summary>The denominator of a proportion metric in one group, or null when the metric is not a proportion.</summary>
    public static int? ProportionTrials(ScoredModel model, MetricRequest request, int[] groupOf, int g)
    {
        var binary = model.Task == TaskKind.Binary;
        Func<int, bool>? counts = request.Metric switch
        {
            "accuracy" or "f1_micro" or "top_2_accuracy" or "top_3_accuracy" or "top_5_accuracy" => _ => true,
            "selection_rate" when binary => _ => true,
            "recall" or "fnr" when binary => i => model.LabelsRows![i] == 1,
            "specificity" or "fpr" when binary => i => model.LabelsRows![i] == 0,
            "precision" when binary => i => model.PredictedRows[i] == 1,
            _ => null,
        };
        if (counts is null || model.Labels is null)
        {
            return null;
        }

        var trials = 0;
        for (var i = 0; i < groupOf.Length; i++)
        {
            if (groupOf[i] == g && counts(i))
            {
                trials++;
            }
        }

        return trials;
    }
}

/// <summary>One group's numbers before judging.</summary>
internal sealed record GroupRow(
    string Slice,
    string Group,
    int Index,
    int Support,
    bool TooSmall,
    Estimate Candidate,
    Estimate? Baseline,
    Estimate? Delta,
    double[]? DeltaReplicates);
