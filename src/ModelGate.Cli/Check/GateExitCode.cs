using ModelGate.Cli.Commands;
using ModelGate.Core;
using ModelGate.Core.Results;

namespace ModelGate.Cli.Check;

/// <summary>The process exit code of a finished gate, per <c>--fail-on</c>.</summary>
internal static class GateExitCode
{
    /// <summary>0 when the gate passes at the chosen strictness, 1 otherwise.</summary>
    public static int For(GateResult result, FailOn failOn)
    {
        ArgumentNullException.ThrowIfNull(result);
        return failOn switch
        {
            FailOn.Never => ExitCodes.Passed,
            // Strict: every non-blocking fail of warning severity and every inconclusive check, whatever its severity.
            FailOn.Warning => result.Checks.Any(c => c.Blocks
                || c.Verdict == Verdict.Inconclusive
                || (c.Spec.Severity == Severity.Warning && c.Verdict == Verdict.Fail))
                ? ExitCodes.GateFailed : ExitCodes.Passed,
            _ => result.Passed ? ExitCodes.Passed : ExitCodes.GateFailed,
        };
    }

    /// <summary>Ids of checks that failed or block.</summary>
    public static IReadOnlyList<string> FailedChecks(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Checks.Where(c => c.Blocks || c.Verdict == Verdict.Fail).Select(c => c.Spec.Id)];
    }
}
