using ModelGate.Cli.Commands;
using ModelGate.Policy.Model;

namespace ModelGate.Cli.Check;

using Policy = ModelGate.Policy.Model.Policy;

/// <summary>Command-line flags win over the policy's values (paths given on the command line are relative to the working folder).</summary>
public static class PolicyOverrides
{
    /// <summary>The policy with the flags applied.</summary>
    public static Policy Apply(Policy policy, CheckOptions options, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        string? Path(string? value) => value is null ? null : console.ResolvePath(value);
        var models = policy.Models with
        {
            Candidate = Path(options.Candidate) ?? policy.Models.Candidate,
            Baseline = Path(options.Baseline) ?? policy.Models.Baseline,
        };
        var data = policy.Data with
        {
            Holdout = Path(options.Holdout) ?? policy.Data.Holdout,
            Train = Path(options.Train) ?? policy.Data.Train,
        };
        // The flag may go below the policy's floor of 100 (quick local runs, benchmarks), never below 1.
        if (options.Resamples is { } resamples && resamples is < 1 or > 1_000_000)
        {
            throw new UsageException($"--resamples {resamples} is outside 1 to 1,000,000; 1000 is a good default (fewer than 100 gives rough intervals).");
        }

        var statistics = policy.Statistics with
        {
            Seed = options.Seed ?? policy.Statistics.Seed,
            Resamples = options.Resamples ?? policy.Statistics.Resamples,
        };
        foreach (var (flag, file) in new[] { ("--candidate", models.Candidate), ("--baseline", models.Baseline), ("--holdout", data.Holdout), ("--train", data.Train) })
        {
            if (file is not null && !File.Exists(file))
            {
                throw new InputMappingException($"{file}: file not found ({flag} or the policy's path); check the path, which in the policy is relative to the policy file's folder.");
            }
        }

        return policy with { Models = models, Data = data, Statistics = statistics };
    }
}
