using System.Globalization;
using ModelGate.Cli.Commands;
using ModelGate.Core.Errors;
using ModelGate.Core.Results;
using ModelGate.Engine;
using ModelGate.Monitoring;
using ModelGate.Reports;

namespace ModelGate.Cli.Check;

/// <summary>
/// The Pushgateway step of a run, after the report files are written: the run's OpenMetrics text replaces the group of
/// job <c>modelgate</c> and labels gate, repository, branch and pr. A failed push is a warning that leaves the exit code
/// alone, unless <c>--pushgateway-required</c> (then a passing gate exits 4; a failing gate still exits 1).
/// </summary>
internal sealed class MetricsPush(CliConsole console, RunLog log)
{
    /// <summary>The credentials from the environment, checked before anything runs (a usage error when inconsistent).</summary>
    public static PushgatewayCredentials Credentials(CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(console);
        return PushgatewayCredentials.From(console.Env, out var problem) ?? throw new UsageException(problem + ".");
    }

    /// <summary>The group a run replaces: one per gate, repository, branch and pull request.</summary>
    public static GroupingKey Key(ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new GroupingKey(GroupingKey.DefaultJob,
        [
            new("gate", context.GateKey),
            new("repository", context.Run.Repository),
            new("branch", context.Run.Branch),
            new("pr", context.Run.PullRequest),
        ]);
    }

    /// <summary>Pushes and returns the exit code to use.</summary>
    public async Task<int> PushAsync(CheckOptions options, PushgatewayEndpoint endpoint, PushgatewayCredentials credentials, GateResult result, ReportContext context, int exitCode, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        var key = Key(context);
        var settings = PushSettings.Default with { TotalTimeout = TimeSpan.FromSeconds(options.PushgatewayTimeoutSeconds) };
        var client = new PushgatewayClient(endpoint, credentials, settings);
        var outcome = await client.PushAsync(key, OpenMetricsReport.Render(result, context), OpenMetricsReport.ContentType, cancellation).ConfigureAwait(false);
        var group = string.Join(", ", key.Labels.Select(l => $"{l.Key}={l.Value}"));
        if (outcome.Succeeded)
        {
            log.Step($"pushed the metrics to {endpoint} (job {key.Job}, {group}; {credentials.Kind})");
            return exitCode;
        }

        var message = $"could not push the metrics to {endpoint} after {outcome.Attempts.ToString(CultureInfo.InvariantCulture)} attempt(s): {outcome.Problem}. "
            + "Fix: check --pushgateway and the MODELGATE_PUSHGATEWAY_* credentials; report.prom (--format openmetrics) holds the same metrics";
        if (!options.PushgatewayRequired)
        {
            log.Warn(message + " (the verdict is unchanged; --pushgateway-required makes this an error)");
            return exitCode;
        }

        await console.Error.WriteLineAsync($"modelgate: {message}").ConfigureAwait(false);
        return ErrorCategories.AfterLateFailure(exitCode, ErrorCategory.Publishing);
    }
}
