using ModelGate.Core;
using ModelGate.Policy.Printing;
using static ModelGate.Policy.Printing.YamlText;

namespace ModelGate.Cli.Init;

/// <summary>Writes a <see cref="PolicyDraft"/> as a commented modelgate.yml, through the policy printer's <see cref="YamlWriter"/>.</summary>
internal static class PolicyYaml
{
    /// <summary>The policy's text.</summary>
    public static string Compose(PolicyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var w = new YamlWriter();
        w.Comment(0, "yaml-language-server: $schema=https://raw.githubusercontent.com/modelgate/modelgate/main/schema/modelgate.schema.json");
        w.Comment(0, "Starter policy written by `dotnet modelgate init`. Every threshold below is a suggestion: tune it, then commit it.");
        w.Line(0, "version: 1");
        w.Line(0, $"task: {draft.Task.ToString().ToLowerInvariant()}", $"guessed: {draft.TaskWhy}");
        w.Line(0, "models:");
        w.Line(1, $"candidate: {Text(draft.Candidate)}");
        if (draft.Baseline is null)
        {
            w.Line(1, "# baseline: models/baseline.onnx", "add it to compare candidate vs baseline", column: 0);
        }
        else
        {
            w.Line(1, $"baseline: {Text(draft.Baseline)}");
        }

        if (draft.Classes is { } classes)
        {
            w.Line(1, $"classes: {Flow(classes)}", "the output's columns in order, guessed as the labels sorted (how scikit-learn and most training code number them): check it");
        }

        w.Line(0, "data:");
        w.Line(1, $"holdout: {Text(draft.Holdout)}");
        w.Line(1, $"label: {Text(draft.Label)}");
        if (draft.ColumnsWithGaps.Count > 0)
        {
            w.Line(1, "missing: drop", $"{HoldoutProfile.List(draft.ColumnsWithGaps)} have missing values: such rows are skipped and counted; fail stops instead");
        }

        w.Line(1, "inputs:");
        if (draft.Inputs.PerColumn)
        {
            w.Line(2, "per_column: true", draft.Inputs.Note);
        }
        else
        {
            w.Line(2, $"{Text(draft.Inputs.InputName!)}: {Columns(draft.Inputs)}", draft.Inputs.Note, column: 0);
        }

        if (draft.Slices.Count > 0)
        {
            w.Blank();
            w.Line(0, "slices:", "low-cardinality columns, for subgroups/fairness checks");
            foreach (var column in draft.Slices)
            {
                w.Line(1, $"{SliceKey(column)}: {{ column: {Text(column)} }}");
            }
        }

        w.Blank();
        w.Line(0, "statistics:");
        w.Line(1, "confidence: 0.95");
        w.Line(1, "resamples: 1000");
        w.Line(1, "inconclusive: warning", "error makes an undecidable check fail the gate");
        w.Blank();
        w.Line(0, "checks:");
        foreach (var check in draft.Checks)
        {
            w.Line(1, $"- metric: {check.Metric}");
            WriteBound(w, check, draft);
        }

        if (draft.Task != TaskKind.Regression)
        {
            w.Line(1, "- calibration:");
            w.Line(3, "metric: ece");
            w.Line(3, "at_most: 0.05");
            w.Line(3, "severity: warning");
        }

        if (draft.Slices.Count > 0)
        {
            w.Comment(1, $"- subgroups: {{ slices: [{string.Join(", ", draft.Slices.Select(SliceKey))}], metric: {draft.Checks[0].Metric}, max_gap: 0.10 }}");
        }

        w.Comment(1, "- model_size_mb: { at_most: 50 }");
        w.Comment(1, "- latency: { batch_size: 1, p95_ms: { at_most: 5 } }");
        return w.ToString();
    }

    private static string Columns(InputChoice inputs) => inputs.Shape is { } shape
        ? $"{{ columns: {Flow(inputs.Columns)}, shape: [{string.Join(", ", shape)}] }}"
        : Flow(inputs.Columns);

    private static void WriteBound(YamlWriter w, SuggestedCheck check, PolicyDraft draft)
    {
        if (draft.Baseline is not null)
        {
            if (check.ChangeComment is { } why)
            {
                w.Line(2, check.ChangeBound, why);
            }
            else
            {
                w.Line(2, check.ChangeBound);
            }
        }
        else if (draft.Bounds.TryGetValue(check.Metric, out var bound))
        {
            w.Line(2, $"{check.AbsoluteKey}: {Suggested(bound.Value)}", bound.Comment, column: 0);
        }
        else
        {
            w.Line(2, $"{check.AbsoluteKey}: {Suggested(check.Placeholder)}");
        }
    }

    private static string SliceKey(string column) => "by_" + new string([.. column.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_')]);
}
