using System.Globalization;
using System.Text;
using ModelGate.Core;
using ModelGate.Policy.Printing;

namespace ModelGate.Cli.Init;

/// <summary>Writes a <see cref="PolicyDraft"/> as a commented modelgate.yml.</summary>
internal static class PolicyYaml
{
    /// <summary>The policy's text.</summary>
    public static string Compose(PolicyDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var b = new StringBuilder();
        Line(b, "# yaml-language-server: $schema=https://raw.githubusercontent.com/modelgate/modelgate/main/schema/modelgate.schema.json");
        Line(b, "# Starter policy written by `dotnet modelgate init`. Every threshold below is a suggestion: tune it, then commit it.");
        Line(b, "version: 1");
        Line(b, $"task: {Name(draft.Task)}                 # guessed: {draft.TaskWhy}");
        Line(b, "models:");
        Line(b, $"  candidate: {YamlText.Text(draft.Candidate)}");
        Line(b, draft.Baseline is null ? "  # baseline: models/baseline.onnx   # add it to compare candidate vs baseline" : $"  baseline: {YamlText.Text(draft.Baseline)}");
        Line(b, "data:");
        Line(b, $"  holdout: {YamlText.Text(draft.Holdout)}");
        Line(b, $"  label: {YamlText.Text(draft.Label)}");
        if (draft.ColumnsWithGaps.Count > 0)
        {
            Line(b, $"  missing: drop                      # {HoldoutProfile.List(draft.ColumnsWithGaps)} have missing values: such rows are skipped and counted; fail stops instead");
        }

        Line(b, "  inputs:");
        Line(b, draft.Inputs.PerColumn
            ? $"    per_column: true                 # {draft.Inputs.Note}"
            : $"    {YamlText.Text(draft.Inputs.InputName!)}: {Columns(draft.Inputs)}   # {draft.Inputs.Note}");
        if (draft.Slices.Count > 0)
        {
            Line(b, string.Empty);
            Line(b, "slices:                              # low-cardinality columns, for subgroups/fairness checks");
            foreach (var column in draft.Slices)
            {
                Line(b, $"  {SliceKey(column)}: {{ column: {YamlText.Text(column)} }}");
            }
        }

        Line(b, string.Empty);
        Line(b, "statistics:");
        Line(b, "  confidence: 0.95");
        Line(b, "  resamples: 1000");
        Line(b, "  inconclusive: warning               # error makes an undecidable check fail the gate");
        Line(b, string.Empty);
        Line(b, "checks:");
        foreach (var check in draft.Checks)
        {
            Line(b, $"  - metric: {check.Metric}");
            Line(b, draft.Baseline is null ? $"    {Absolute(check, draft)}" : $"    {check.ChangeBound}");
        }

        if (draft.Task != TaskKind.Regression)
        {
            Line(b, "  - calibration:");
            Line(b, "      metric: ece");
            Line(b, "      at_most: 0.05");
            Line(b, "      severity: warning");
        }

        if (draft.Slices.Count > 0)
        {
            Line(b, $"  # - subgroups: {{ slices: [{string.Join(", ", draft.Slices.Select(SliceKey))}], metric: {draft.Checks[0].Metric}, max_gap: 0.10 }}");
        }

        Line(b, "  # - model_size_mb: { at_most: 50 }");
        Line(b, "  # - latency: { batch_size: 1, p95_ms: { at_most: 5 } }");
        return b.ToString();
    }

    private static string Columns(InputChoice inputs) => inputs.Shape is { } shape
        ? $"{{ columns: {YamlText.Flow(inputs.Columns)}, shape: [{string.Join(", ", shape)}] }}"
        : YamlText.Flow(inputs.Columns);

    private static string Absolute(SuggestedCheck check, PolicyDraft draft) =>
        draft.Bounds.TryGetValue(check.Metric, out var bound)
            ? $"{check.AbsoluteKey}: {Number(bound.Value)}   # {bound.Comment}"
            : $"{check.AbsoluteKey}: {Number(check.Placeholder)}";

    /// <summary>A bound as YAML writes it: invariant, round-trippable, no exponent for everyday values.</summary>
    public static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string SliceKey(string column) => "by_" + new string([.. column.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_')]);

    private static string Name(TaskKind task) => task.ToString().ToLowerInvariant();

    private static void Line(StringBuilder b, string text) => b.Append(text).Append('\n');
}
