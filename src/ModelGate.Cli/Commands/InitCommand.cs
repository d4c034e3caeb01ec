using System.CommandLine;
using System.Globalization;
using System.Text;
using ModelGate.Cli.Check;
using ModelGate.Core;
using ModelGate.Data;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Signature;

namespace ModelGate.Cli.Commands;

/// <summary><c>modelgate init</c>: a starter modelgate.yml from a model's signature and a holdout's header.</summary>
public static class InitCommand
{
    private static readonly string[] LabelNames = ["label", "target", "y", "class", "outcome"];

    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "The candidate model (.onnx).", Required = true };
        var holdout = new Option<string>("--holdout") { Description = "The holdout file (.csv .tsv .jsonl).", Required = true };
        var baseline = new Option<string?>("--baseline") { Description = "The baseline model, if there is one." };
        var label = new Option<string?>("--label") { Description = "The label column (guessed when omitted)." };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the policy.", DefaultValueFactory = _ => "modelgate.yml" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("init", "Write a starter modelgate.yml from a model's signature and a holdout's header.\n\n" +
            "Example:\n  dotnet modelgate init --model models/candidate.onnx --baseline models/baseline.onnx --holdout data/holdout.csv")
        {
            model, holdout, baseline, label, output, force,
        };
        command.SetAction(parse => Run(console, parse.GetValue(model)!, parse.GetValue(holdout)!, parse.GetValue(baseline),
            parse.GetValue(label), parse.GetValue(output)!, parse.GetValue(force)));
        return command;
    }

    private static int Run(CliConsole console, string modelPath, string holdoutPath, string? baselinePath, string? label, string outPath, bool force)
    {
        var target = console.ResolvePath(outPath);
        if (File.Exists(target) && !force)
        {
            throw new UsageException($"{outPath} already exists; pass --force to overwrite it, or --out to write elsewhere.");
        }

        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { BaseDirectory = AppContext.BaseDirectory });
        using var onnx = runtime.LoadModel(console.ResolvePath(modelPath), new SessionSettings { Device = DeviceRequest.Cpu });
        var header = HoldoutReader.ReadColumnNames(console.ResolvePath(holdoutPath));
        label ??= header.FirstOrDefault(h => LabelNames.Contains(h, StringComparer.OrdinalIgnoreCase)) ?? header[^1];
        if (!header.Contains(label, StringComparer.Ordinal))
        {
            throw new UsageException($"--label '{label}' is not a column of {holdoutPath}; its columns are {string.Join(", ", header)}.");
        }

        var (task, why) = GuessTask(onnx.Signature);
        var folder = Path.GetDirectoryName(target)!;
        string Rel(string path) => ReportComposer.DisplayPath(console.ResolvePath(path), folder);
        var yaml = Compose(onnx.Signature, header, label, task, why, Rel(modelPath), baselinePath is null ? null : Rel(baselinePath), Rel(holdoutPath));
        Directory.CreateDirectory(folder);
        File.WriteAllText(target, yaml);
        console.Out.WriteLine($"wrote {outPath}: task {task.ToString().ToLowerInvariant()} ({why}), label '{label}'. Review the checks, then run: dotnet modelgate validate --policy {outPath}");
        return ExitCodes.Passed;
    }

    /// <summary>The task the outputs suggest, and why.</summary>
    public static (TaskKind Task, string Why) GuessTask(ModelSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        foreach (var port in signature.Outputs)
        {
            switch (port.Type)
            {
                case SequenceValueType { Element: MapValueType }:
                    return (TaskKind.Binary, $"output '{port.Name}' is a ZipMap of class probabilities; use multiclass if it has more than two classes");
                case TensorValueType { ElementType: TensorElementType.Float or TensorElementType.Double, Shape: [_, { Size: { } k }] } when k >= 3:
                    return (TaskKind.Multiclass, $"output '{port.Name}' has {k.ToString(CultureInfo.InvariantCulture)} columns");
                case TensorValueType { ElementType: TensorElementType.Float or TensorElementType.Double, Shape: [_, { Size: 2 }] }:
                    return (TaskKind.Binary, $"output '{port.Name}' has 2 columns");
            }
        }

        var first = signature.Outputs[0];
        return first.Name.Contains("prob", StringComparison.OrdinalIgnoreCase)
            ? (TaskKind.Binary, $"output '{first.Name}' is named like a probability")
            : (TaskKind.Regression, $"output '{first.Name}' is one number per row");
    }

    private static string Compose(ModelSignature signature, IReadOnlyList<string> header, string label, TaskKind task, string why,
        string model, string? baseline, string holdout)
    {
        var features = header.Where(h => h != label).ToList();
        var b = new StringBuilder();
        b.AppendLine("# yaml-language-server: $schema=https://raw.githubusercontent.com/modelgate/modelgate/main/schema/modelgate.schema.json");
        b.AppendLine("# Starter policy written by `dotnet modelgate init`. Every threshold below is a suggestion: tune it, then commit it.");
        b.AppendLine("version: 1");
        b.AppendLine(CultureInfo.InvariantCulture, $"task: {task.ToString().ToLowerInvariant()}                 # guessed: {why}");
        b.AppendLine("models:");
        b.AppendLine(CultureInfo.InvariantCulture, $"  candidate: {model}");
        b.AppendLine(baseline is null ? "  # baseline: models/baseline.onnx   # add it to compare candidate vs baseline" : $"  baseline: {baseline}");
        b.AppendLine("data:");
        b.AppendLine(CultureInfo.InvariantCulture, $"  holdout: {holdout}");
        b.AppendLine(CultureInfo.InvariantCulture, $"  label: {label}");
        b.AppendLine("  inputs:");
        if (signature.Inputs.Count > 1 || signature.Inputs.All(p => header.Contains(p.Name, StringComparer.Ordinal) && p.Name != label))
        {
            b.AppendLine("    per_column: true                 # one model input per column, matched by name");
        }
        else
        {
            var port = signature.Inputs[0];
            var width = port.Type is TensorValueType { Shape: [_, { Size: { } f }] } ? (int)f : features.Count;
            var columns = features.Take(width).ToList();
            var note = columns.Count == width ? "in model order: check it" : $"the model expects {width.ToString(CultureInfo.InvariantCulture)} columns: fix this list";
            b.AppendLine(CultureInfo.InvariantCulture, $"    {port.Name}: [{string.Join(", ", columns)}]   # {note}");
        }

        b.AppendLine();
        b.AppendLine("statistics:");
        b.AppendLine("  confidence: 0.95");
        b.AppendLine("  resamples: 1000");
        b.AppendLine("  inconclusive: warning               # error makes an undecidable check fail the gate");
        b.AppendLine();
        b.AppendLine("checks:");
        foreach (var line in SuggestedChecks(task, baseline is not null))
        {
            b.AppendLine(line);
        }

        b.AppendLine("# slices:                              # subgroups, used by subgroups/fairness checks");
        b.AppendLine(CultureInfo.InvariantCulture, $"#   by_{Slug(features.FirstOrDefault() ?? "group")}: {{ column: {features.FirstOrDefault() ?? "group"} }}");
        return b.ToString();
    }

    private static IEnumerable<string> SuggestedChecks(TaskKind task, bool hasBaseline)
    {
        var change = hasBaseline ? string.Empty : "# ";
        switch (task)
        {
            case TaskKind.Regression:
                yield return "  - metric: mae";
                yield return $"    {change}max_relative_increase: 0.02        # not more than 2% worse than the baseline";
                yield return "  - metric: r2";
                yield return "    at_least: 0.0";
                break;
            case TaskKind.Multiclass:
                yield return "  - metric: accuracy";
                yield return $"    {change}max_drop: 0.01";
                yield return "  - calibration:";
                yield return "      metric: ece";
                yield return "      at_most: 0.05";
                yield return "      severity: warning";
                break;
            default:
                yield return "  - metric: roc_auc";
                yield return "    at_least: 0.70";
                yield return $"    {change}max_drop: 0.01                     # non-inferiority, judged on the paired interval";
                yield return "  - metric: log_loss";
                yield return $"    {change}max_relative_increase: 0.05";
                yield return "  - calibration:";
                yield return "      metric: ece";
                yield return "      at_most: 0.05";
                yield return "      severity: warning";
                break;
        }

        yield return "  # - model_size_mb: { at_most: 50 }";
        yield return "  # - latency: { batch_size: 1, p95_ms: { at_most: 5 } }";
    }

    private static string Slug(string column) => new([.. column.Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_')]);
}
