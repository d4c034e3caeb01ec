using System.CommandLine;
using ModelGate.Cli.Check;
using ModelGate.Cli.Init;
using ModelGate.Engine;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Cli.Commands;

/// <summary>
/// <c>modelgate init</c>: a starter modelgate.yml from the models' signatures and the holdout, which <c>validate</c>
/// accepts and <c>check</c> runs. The pieces live in <see cref="ModelGate.Cli.Init"/>.
/// </summary>
internal static class InitCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var model = new Option<string>("--model", "-m") { Description = "The candidate model (.onnx).", Required = true };
        var holdout = new Option<string>("--holdout") { Description = "The holdout file (.csv .tsv .jsonl, optionally .gz, or .parquet).", Required = true };
        var baseline = new Option<string?>("--baseline") { Description = "The baseline model, if there is one." };
        var label = new Option<string?>("--label") { Description = "The label column (guessed when omitted)." };
        var features = new Option<string?>("--features") { Description = "The model's feature columns, comma-separated, in the model's order (chosen from the model's width when omitted)." };
        var interactive = new Option<bool>("--interactive", "-i") { Description = "Ask for the label, task and bounds (only when stdin is a terminal)." };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the policy.", DefaultValueFactory = _ => "modelgate.yml" };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing file." };
        var command = new Command("init", "Write a starter modelgate.yml that validates and runs, from the models' signatures and the holdout.\n\n" +
            "Example:\n  dotnet modelgate init --model models/candidate.onnx --baseline models/baseline.onnx --holdout data/holdout.csv")
        {
            model, holdout, baseline, label, features, interactive, output, force,
        };
        command.SetAction((parse, cancellation) => RunAsync(console, new InitRequest(parse.GetValue(model)!, parse.GetValue(holdout)!, parse.GetValue(baseline),
            parse.GetValue(label), parse.GetValue(features), parse.GetValue(interactive), parse.GetValue(output)!, parse.GetValue(force)), cancellation));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, InitRequest request, CancellationToken cancellation)
    {
        var target = console.ResolvePath(request.Out);
        if (File.Exists(target) && !request.Force)
        {
            throw new UsageException($"{request.Out} already exists; pass --force to overwrite it, or --out to write elsewhere.");
        }

        var prompts = request.Interactive && InitPrompts.CanAsk && console.IsTerminal ? new InitPrompts(Console.In, console.Out) : null;
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { BaseDirectory = AppContext.BaseDirectory });
        var cpu = new SessionSettings { Device = DeviceRequest.Cpu };
        using var candidate = runtime.LoadModel(console.ResolvePath(request.Model), cpu);
        using var baseline = request.Baseline is null ? null : runtime.LoadModel(console.ResolvePath(request.Baseline), cpu);
        var profile = HoldoutProfile.Read(console.ResolvePath(request.Holdout));
        var (label, labelWhy) = request.Label is { } given ? (given, "--label") : LabelGuess.Guess(candidate.Signature, profile);
        if (prompts?.Label(label, profile.Names) is { } answered && answered != label)
        {
            (label, labelWhy) = (answered, "chosen with init --interactive");
        }
        var labelColumn = profile[label]
            ?? throw new UsageException($"--label '{label}' is not a column of {request.Holdout}; its columns are {HoldoutProfile.List(profile.Names)}.");

        var (task, why) = TaskInference.Infer(candidate.Signature, labelColumn.Name, labelColumn.Distinct, labelColumn.IsNumeric);
        if (prompts is not null && prompts.Task(task, why) is var asked && asked != task)
        {
            (task, why) = (asked, "chosen with init --interactive");
        }

        var chosen = request.Features?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var inputs = FeatureSelection.Choose(candidate.Signature, baseline?.Signature, profile, label, chosen);
        var fed = inputs.PerColumn ? candidate.Signature.Inputs.Select(p => p.Name).ToList() : inputs.Columns;
        var slices = SliceSelection.Choose(profile, label, fed);
        var draft = new PolicyDraft(task, why, console.ResolvePath(request.Model), request.Baseline is null ? null : console.ResolvePath(request.Baseline),
            console.ResolvePath(request.Holdout), label, inputs, slices)
        {
            ColumnsWithGaps = [.. fed.Prepend(label).Where(c => profile[c] is { Missing: > 0 })],
            Classes = ClassNames.Guess(task, labelColumn, candidate.Signature, candidate.Path),
        };
        // Always run the draft: a policy check cannot run is reported now, with check's own one-line error, not written.
        draft = await CandidateBounds.MeasureAsync(draft, cancellation).ConfigureAwait(false);
        if (draft.Baseline is null)
        {
            draft = prompts?.Bounds(draft) ?? draft;
        }

        var folder = Path.GetDirectoryName(target)!;
        string Rel(string path) => ReportComposer.DisplayPath(path, folder);
        draft = draft with { Candidate = Rel(draft.Candidate), Baseline = draft.Baseline is null ? null : Rel(draft.Baseline), Holdout = Rel(draft.Holdout) };
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(target, PolicyYaml.Compose(draft), cancellation).ConfigureAwait(false);
        await console.Out.WriteLineAsync(
            $"wrote {request.Out}: task {task.ToString().ToLowerInvariant()} ({why}), label '{label}' ({labelWhy}), inputs: {Describe(inputs)}. Review the checks, then run: dotnet modelgate validate --policy {request.Out}").ConfigureAwait(false);
        return ExitCodes.Passed;
    }

    private static string Describe(InputChoice inputs) =>
        inputs.PerColumn ? inputs.Note : $"'{inputs.InputName}' <- {HoldoutProfile.List(inputs.Columns)} ({inputs.Note})";

    private sealed record InitRequest(string Model, string Holdout, string? Baseline, string? Label, string? Features, bool Interactive, string Out, bool Force);
}
