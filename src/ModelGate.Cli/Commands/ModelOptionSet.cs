using System.CommandLine;

namespace ModelGate.Cli.Commands;

/// <summary>The options that say which policy, models, holdout and runtime a run uses, shared by <c>check</c> and <c>score</c>.</summary>
/// <param name="Policy">--policy.</param>
/// <param name="Candidate">--candidate.</param>
/// <param name="Baseline">--baseline.</param>
/// <param name="Holdout">--holdout.</param>
/// <param name="Device">--device.</param>
/// <param name="OnnxRuntime">--onnxruntime.</param>
internal sealed record ModelOptionSet(
    Option<string> Policy,
    Option<string?> Candidate,
    Option<string?> Baseline,
    Option<string?> Holdout,
    Option<string> Device,
    Option<string?> OnnxRuntime)
{
    /// <summary>Creates the options; <paramref name="policyDescription"/> says what the policy is for in this command.</summary>
    public static ModelOptionSet Create(string policyDescription = "Policy file.") => new(
        new Option<string>("--policy", "-p") { Description = policyDescription, DefaultValueFactory = _ => "modelgate.yml" },
        new Option<string?>("--candidate") { Description = "Candidate model (.onnx); overrides models.candidate." },
        new Option<string?>("--baseline") { Description = "Baseline model (.onnx); overrides models.baseline." },
        new Option<string?>("--holdout") { Description = "Holdout data (.csv .tsv .jsonl, optionally .gz, or .parquet); overrides data.holdout." },
        new Option<string>("--device") { Description = "auto, cpu or cuda[:N].", DefaultValueFactory = _ => "auto" },
        new Option<string?>("--onnxruntime") { Description = "ONNX Runtime library file or folder (else MODELGATE_ONNXRUNTIME, the bundled one, the system's)." });

    /// <summary>The options of one invocation as the run options they set.</summary>
    public CheckOptions Read(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return new CheckOptions
        {
            PolicyPath = parse.GetValue(Policy)!,
            Candidate = parse.GetValue(Candidate),
            Baseline = parse.GetValue(Baseline),
            Holdout = parse.GetValue(Holdout),
            Device = parse.GetValue(Device)!,
            OnnxRuntime = parse.GetValue(OnnxRuntime),
        };
    }
}
