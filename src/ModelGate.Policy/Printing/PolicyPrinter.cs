using System.Globalization;
using ModelGate.Core.Plan;
using ModelGate.Policy.Model;
using static ModelGate.Policy.Printing.YamlText;

namespace ModelGate.Policy.Printing;

/// <summary>
/// Writes a resolved policy as YAML: every default filled in, <c>extends</c> already applied, paths relative to the
/// policy's folder, one check per kind-and-percentile. Loading the output gives the same policy.
/// </summary>
internal static partial class PolicyPrinter
{
    /// <summary>The YAML text.</summary>
    public static string Print(Model.GatePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var w = new YamlWriter();
        var folder = Path.GetDirectoryName(Path.GetFullPath(policy.File)) ?? Directory.GetCurrentDirectory();
        string Rel(string path) => Text(Path.GetRelativePath(folder, path).Replace('\\', '/'));
        void Line(int indent, string text) => w.Line(indent, text);

        Line(0, $"# modelgate.yml resolved from: {string.Join(", ", policy.Sources.Select(Path.GetFileName))}");
        Line(0, "version: 1");
        Line(0, $"task: {policy.Task.ToString().ToLowerInvariant()}");
        PrintModels(policy.Models, policy.Task == Core.TaskKind.Binary, Line, Rel);
        PrintData(policy.Data, Line, Rel);
        Line(0, "slices:");
        Line(1, $"min_support: {policy.Statistics.MinSupport.ToString(CultureInfo.InvariantCulture)}");
        foreach (var slice in policy.Slices)
        {
            var columns = slice.Columns.Count == 1 ? $"column: {Text(slice.Columns[0])}" : $"columns: {Flow(slice.Columns)}";
            var bins = slice.Bins is null ? string.Empty : $", bins: {Flow(slice.Bins)}";
            Line(1, $"{Text(slice.Name)}: {{ {columns}{bins} }}");
        }

        PrintStatistics(policy.Statistics, Line);
        CheckPrinter.Print(policy, Line, Rel);
        if (policy.Waivers.Count > 0)
        {
            Line(0, "waivers:");
            foreach (var waiver in policy.Waivers)
            {
                Line(1, $"- check: {Text(waiver.CheckId)}");
                Line(2, $"reason: {Text(waiver.Waiver.Reason)}");
                Line(2, $"owner: {Text(waiver.Waiver.Owner)}");
                Line(2, $"expires: {waiver.Waiver.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
            }
        }

        Line(0, "report:");
        Line(1, $"show_columns: {Flow(policy.Report.ShowColumns)}");
        Line(1, $"max_flipped_rows: {policy.Report.MaxFlippedRows.ToString(CultureInfo.InvariantCulture)}");
        Line(1, $"metrics: {Flow(policy.Report.Metrics)}");
        if (policy.Report.Evidence is { } e)
        {
            Line(1, string.Create(CultureInfo.InvariantCulture,
                $"evidence: {{ column: {Text(e.Column)}, kind: {e.Kind.ToString().ToLowerInvariant()}, rows: {e.Rows}, thumbnail: {e.Thumbnail}, max_chars: {e.MaxChars} }}"));
        }
        else if (policy.Task != Core.TaskKind.Regression && (policy.Data.Images.Count > 0 || policy.Data.Text.Count > 0))
        {
            // Turned off: printed, or reading the policy back would give the media default.
            Line(1, "evidence: null");
        }

        return w.ToString();
    }

    private static void PrintModels(ModelsConfig models, bool binary, Action<int, string> line, Func<string, string> rel)
    {
        line(0, "models:");
        PrintModel("candidate", models.Candidate, models.CandidateInputs, line, rel);
        if (models.Baseline is not null)
        {
            PrintModel("baseline", models.Baseline, models.BaselineInputs, line, rel);
        }

        if (models.Classes is { } classes)
        {
            line(1, $"classes: {Flow(classes)}");
        }

        if (models.Output is not null)
        {
            line(1, $"output: {Text(models.Output)}");
        }

        if (models.Scores is { } scores)
        {
            line(1, $"scores: {scores.ToString().ToLowerInvariant()}");
        }
        if (models.PositiveClass is not null)
        {
            line(1, $"positive_class: {Text(models.PositiveClass)}");
        }

        if (binary)
        {
            line(1, $"decision_threshold: {Number(models.DecisionThreshold)}");
        }

        if (models.MaxInvalidRows > 0)
        {
            line(1, $"max_invalid_rows: {models.MaxInvalidRows.ToString(CultureInfo.InvariantCulture)}");
        }

        if (models.CandidateVersion is not null)
        {
            line(1, $"candidate_version: {Text(models.CandidateVersion)}");
        }

        if (models.BaselineVersion is not null)
        {
            line(1, $"baseline_version: {Text(models.BaselineVersion)}");
        }
    }

    private static void PrintData(DataConfig data, Action<int, string> line, Func<string, string> rel)
    {
        line(0, "data:");
        line(1, $"holdout: {rel(data.Holdout)}");
        if (data.Train is not null)
        {
            line(1, $"train: {rel(data.Train)}");
        }

        line(1, $"label: {Text(data.Label)}");
        if (data.Id is not null)
        {
            line(1, $"id: {Text(data.Id)}");
        }

        if (data.Weight is not null)
        {
            line(1, $"weight: {Text(data.Weight)}");
        }

        if (!data.Inputs.AllFeatures)
        {
            PrintInputs(data.Inputs, 1, line);
        }

        line(1, $"missing: {data.Missing.ToString().ToLowerInvariant()}");
        if (data.ColumnTypes.Count > 0)
        {
            line(1, "column_types:");
            foreach (var (column, type) in data.ColumnTypes.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                line(2, $"{Text(column)}: {type.ToString().ToLowerInvariant()}");
            }
        }

        PrintImages(data.Images, line);
        PrintTexts(data.Text, line, rel);
    }

    private static void PrintModel(string key, string path, InputsMapping? inputs, Action<int, string> line, Func<string, string> rel)
    {
        if (inputs is null)
        {
            line(1, $"{key}: {rel(path)}");
            return;
        }

        line(1, $"{key}:");
        line(2, $"path: {rel(path)}");
        PrintInputs(inputs, 2, line);
    }

    private static void PrintInputs(InputsMapping inputs, int depth, Action<int, string> line)
    {
        line(depth, "inputs:");
        if (inputs.PerColumn)
        {
            line(depth + 1, $"per_column: {(inputs.PerColumnColumns is { } only ? Columns(only) : "true")}");
        }

        foreach (var input in inputs.Inputs)
        {
            line(depth + 1, input.Shape is null
                ? $"{Text(input.Name)}: {Columns(input)}"
                : $"{Text(input.Name)}: {{ columns: {Columns(input)}, shape: [{string.Join(", ", input.Shape.Select(s => s.ToString(CultureInfo.InvariantCulture)))}] }}");
        }
    }

    private static string Columns(InputSpec input) => input.Columns is { } c ? Flow(c) : Text(input.Pattern!);

    private static void PrintStatistics(StatisticsOptions s, Action<int, string> line)
    {
        line(0, "statistics:");
        line(1, $"confidence: {Number(s.Confidence)}");
        line(1, $"resamples: {s.Resamples.ToString(CultureInfo.InvariantCulture)}");
        line(1, $"seed: {s.Seed.ToString(CultureInfo.InvariantCulture)}");
        line(1, $"inconclusive: {s.InconclusiveSeverity.ToString().ToLowerInvariant()}");
        line(1, $"likely_regression: {s.LikelyRegression.ToString().ToLowerInvariant()}");
        line(1, $"uncomputable: {s.Uncomputable.ToString().ToLowerInvariant()}");
        line(1, $"mode: {(s.Mode == JudgeMode.Interval ? "interval" : "point")}");
        line(1, $"false_discovery_rate: {Number(s.FalseDiscoveryRate)}");
        line(1, $"method: {s.Method.ToString().ToLowerInvariant()}");
    }
}
