using System.CommandLine;
using System.Globalization;
using ModelGate.Core;
using ModelGate.Core.Text;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Sessions;

namespace ModelGate.Cli.Commands;

/// <summary><c>modelgate inspect</c>: a model's signature, metadata, the task init would infer, and which output check would score and why.</summary>
internal static class InspectCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var model = new Argument<string>("model") { Description = "The .onnx file." };
        var ort = new Option<string?>("--onnxruntime") { Description = "ONNX Runtime library file or folder." };
        var command = new Command("inspect", "Show a model's inputs, outputs, metadata and the output ModelGate would use.\n\n" +
            "Example:\n  dotnet modelgate inspect models/candidate.onnx")
        {
            model, ort,
        };
        command.SetAction(parse => Run(console, parse.GetValue(model)!, parse.GetValue(ort)));
        return command;
    }

    private static int Run(CliConsole console, string modelPath, string? ortPath)
    {
        using var runtime = OnnxRuntime.Open(RuntimeSetup.Options(console, ortPath, DeviceRequest.Cpu));
        using var model = runtime.LoadModel(console.ResolvePath(modelPath), new SessionSettings { Device = DeviceRequest.Cpu });
        var o = console.Out;
        var signature = model.Signature;
        var meta = signature.Metadata;
        o.WriteLine($"{modelPath}  ({model.SizeBytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
        o.WriteLine($"  producer: {E(Or(meta.ProducerName))} {E(meta.ProducerVersion)}".TrimEnd());
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  IR version {meta.IrVersion}; opsets: {string.Join(", ", meta.Opsets)}"));
        if (meta.GraphName.Length > 0)
        {
            o.WriteLine($"  graph: {E(meta.GraphName)}");
        }

        foreach (var (key, value) in meta.Custom.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            o.WriteLine($"  metadata {E(key)}: {E(value)}");
        }

        o.WriteLine("inputs:");
        foreach (var port in signature.Inputs)
        {
            o.WriteLine($"  {E(port.Name)}: {port.Type}");
        }

        o.WriteLine("outputs:");
        foreach (var port in signature.Outputs)
        {
            o.WriteLine($"  {E(port.Name)}: {port.Type}");
        }

        // The reading check uses when the policy sets no output: the task init would infer, then the output for it.
        var (inferred, why) = TaskInference.FromModel(signature);
        o.WriteLine(inferred is { } t
            ? $"task: {t.ToString().ToLowerInvariant()}, as init would infer it: {E(why)}"
            : $"task: decided by the label's values (init reads them): {E(why)}");
        o.WriteLine($"reading: {E(Reading(model.Path, signature, inferred, full: true))}");
        foreach (var task in new[] { TaskKind.Binary, TaskKind.Multiclass, TaskKind.Regression })
        {
            o.WriteLine($"scores for a {task.ToString().ToLowerInvariant()} task: {E(Reading(model.Path, signature, task, full: false))}");
        }

        return ExitCodes.Passed;
    }

    // The output check would score for the task (none: detected from names and types), or why there is none.
    private static string Reading(string path, ModelGate.Onnx.Signature.ModelSignature signature, TaskKind? task, bool full)
    {
        try
        {
            var choice = ScoreOutputChoice.Choose(path, signature, new ScoreRequest { Task = task });
            return full ? $"output '{choice.Port.Name}' as {choice.Kind.ToString().ToLowerInvariant()}, because {choice.Reason}" : choice.Reason;
        }
        catch (ModelGate.Onnx.Errors.OnnxException ex)
        {
            return $"none ({ex.Problem})";
        }
    }

    private static string Or(string value) => value.Length == 0 ? "(unknown)" : value;

    // Model metadata is written by whoever made the model: a pull request can put a workflow command in it.
    private static string E(string value) => ConsoleText.Escape(value);
}
