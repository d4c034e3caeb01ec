using System.CommandLine;
using ModelGate.Cli.Check;
using ModelGate.Data.Scores;
using ModelGate.Engine;
using ModelGate.Engine.Scores;

namespace ModelGate.Cli.Commands;

/// <summary>
/// <c>modelgate score</c>: one model scores the holdout (or a shard of it) and the scores go to a file that
/// <c>check --scores</c> gates. Same policy, same inputs, same decoding as <c>check</c>.
/// </summary>
internal static class ScoreCommand
{
    /// <summary>Creates the command.</summary>
    public static Command Create(CliConsole console)
    {
        var run = ModelOptionSet.Create("Policy file (holdout, input mapping, output decoding).");
        var role = OptionValues.Choice("--model", "Which of the policy's models scores: candidate or baseline.", ScoredRole.Candidate);
        var shard = new Option<string>("--shard") { Description = "Score only shard i of N (i/N): rows whose row id hashes (FNV-1a 64) to i-1 mod N.", DefaultValueFactory = _ => "1/1" };
        var output = new Option<string>("--out", "-o") { Description = "Score file to write: .parquet (default), or .csv with its header in <file>.json.", DefaultValueFactory = _ => "scores.parquet" };
        var batch = OptionValues.WholeNumber("--batch-size", "Rows per inference call (1 to 1,048,576).", 1, 1 << 20);
        var guard = InputGuardOptionSet.Create();
        var runTimeout = OptionValues.WholeNumber("--timeout", "Seconds the whole run may take (default 3600; 0: no limit).", 0, int.MaxValue, "0 turns the limit off");
        var command = new Command("score", "Score the holdout (or one shard of it) with one model and write a score file for 'check --scores'.\n\n" +
            "Examples:\n" +
            "  dotnet modelgate score --model candidate --out scores/candidate.parquet\n" +
            "  dotnet modelgate score --model baseline --shard 2/4 --out scores/baseline-2.parquet\n" +
            "  dotnet modelgate check --scores 'candidate=scores/candidate-*.parquet,baseline=scores/baseline-*.parquet'")
        {
            run.Policy, role, run.Candidate, run.Baseline, run.Holdout, shard, output, run.Device, run.OnnxRuntime, batch, guard.Root, guard.AllowOutside, guard.Limits, runTimeout,
        };

        command.SetAction((parse, cancellation) =>
        {
            var check = run.Read(parse) with
            {
                BatchSize = parse.GetValue(batch),
                Guard = InputGuardOptionSet.Read(parse, guard),
                OutDir = ".",
            };
            var part = Shard.TryParse(parse.GetValue(shard)!, out var problem) ?? throw new UsageException($"--shard: {problem}.");
            var file = parse.GetValue(output)!;
            if (string.IsNullOrWhiteSpace(file))
            {
                throw new UsageException("--out is empty: name the score file to write (e.g. --out scores/candidate.parquet).");
            }

            var timeout = parse.GetValue(runTimeout) ?? RunBudget.DefaultSeconds;
            return RunBudget.RunAsync(timeout, async budget =>
            {
                var gate = new CheckRunner(console).Request(check);
                var request = new ScoreRunRequest
                {
                    PolicyPath = gate.PolicyPath,
                    PolicyOptions = gate.PolicyOptions,
                    Overrides = gate.Overrides,
                    Role = parse.GetValue(role) == ScoredRole.Baseline ? "baseline" : "candidate",
                    Shard = part,
                    Output = console.ResolvePath(file),
                    Gate = gate,
                };
                await ScoreRun.ExecuteAsync(request, new RunLog(console.Error), budget).ConfigureAwait(false);
                return ExitCodes.Passed;
            }, cancellation);
        });
        return command;
    }
}

/// <summary>Which of the policy's models <c>modelgate score</c> runs.</summary>
internal enum ScoredRole
{
    /// <summary>models.candidate.</summary>
    Candidate,

    /// <summary>models.baseline.</summary>
    Baseline,
}
