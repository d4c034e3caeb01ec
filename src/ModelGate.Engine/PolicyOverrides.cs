using ModelGate.Policy.Model;

namespace ModelGate.Engine;


/// <summary>Command-line flags win over the policy's values (paths are absolute: the caller resolves them against its working folder).</summary>
internal sealed record PolicyOverrides
{
    /// <summary>The largest --resamples accepted (the flag may go below the policy's floor of 100, never below 1).</summary>
    public const int MaxResamples = 1_000_000;

    /// <summary>The candidate model file (absolute), instead of the policy's.</summary>
    public string? Candidate { get; init; }

    /// <summary>The baseline model file (absolute), instead of the policy's.</summary>
    public string? Baseline { get; init; }

    /// <summary>The holdout file (absolute), instead of the policy's.</summary>
    public string? Holdout { get; init; }

    /// <summary>The train sample (absolute), instead of the policy's.</summary>
    public string? Train { get; init; }

    /// <summary>The bootstrap seed, instead of the policy's.</summary>
    public ulong? Seed { get; init; }

    /// <summary>The bootstrap resamples, instead of the policy's (1 to <see cref="MaxResamples"/>).</summary>
    public int? Resamples { get; init; }

    /// <summary>The interval method (statistics.method), instead of the policy's.</summary>
    public ModelGate.Core.Plan.StatisticsMethod? Method { get; init; }

    /// <summary>The candidate's version for the report, instead of the policy's.</summary>
    public string? CandidateVersion { get; init; }

    /// <summary>The baseline's version for the report, instead of the policy's.</summary>
    public string? BaselineVersion { get; init; }

    /// <summary>The policy with the flags applied.</summary>
    public static GatePolicy Apply(GatePolicy policy, PolicyOverrides options)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        var models = policy.Models with
        {
            Candidate = options.Candidate ?? policy.Models.Candidate,
            Baseline = options.Baseline ?? policy.Models.Baseline,
        };
        var data = policy.Data with
        {
            Holdout = options.Holdout ?? policy.Data.Holdout,
            Train = options.Train ?? policy.Data.Train,
        };
        var statistics = policy.Statistics with
        {
            Seed = options.Seed ?? policy.Statistics.Seed,
            Resamples = options.Resamples ?? policy.Statistics.Resamples,
            Method = options.Method ?? policy.Statistics.Method,
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
