using ModelGate.Core.Errors;
using ModelGate.GitHub;
using ModelGate.GitHub.Rest;

namespace ModelGate.Cli;

/// <summary>
/// The one table from an error to the process exit code. Libraries raise <see cref="ModelGateException"/>s that carry
/// an <see cref="ErrorCategory"/> and no number; ModelGate.GitHub depends on nothing, so its two exception types are
/// placed in a category here, by type. Every other exception that escapes a command is a defect.
/// </summary>
internal static class ErrorCategories
{
    /// <summary>The exit code of each category (documented in the README and docs/troubleshooting.md).</summary>
    public static int ExitCodeFor(ErrorCategory category) => category switch
    {
        ErrorCategory.Usage or ErrorCategory.Policy => ExitCodes.UsageOrPolicyError,
        ErrorCategory.InputData or ErrorCategory.Model or ErrorCategory.InputLimit => ExitCodes.InputError,
        ErrorCategory.RunLimit or ErrorCategory.Environment or ErrorCategory.Publishing => ExitCodes.EnvironmentError,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "an error category with no exit code"),
    };

    /// <summary>The category of a known ModelGate error; false for anything else (a defect).</summary>
    public static bool TryCategorize(Exception exception, out ErrorCategory category)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ErrorCategory? known = exception switch
        {
            ModelGateException error => error.Category,
            GitHubSetupException => ErrorCategory.Usage,
            GitHubApiException => ErrorCategory.Publishing,
            _ => null,
        };
        category = known.GetValueOrDefault();
        return known is not null;
    }

    /// <summary>The exit code of a known ModelGate error; false for anything else (a defect).</summary>
    public static bool TryClassify(Exception exception, out int exitCode)
    {
        var known = TryCategorize(exception, out var category);
        exitCode = known ? ExitCodeFor(category) : -1;
        return known;
    }

    /// <summary>
    /// The exit code after a step that runs once the verdict is known (publishing, a required metrics push, a report
    /// file) failed with <paramref name="category"/>: a passing gate turns into that failure, so it does not go unnoticed;
    /// a failed gate stays failed, so the verdict is never hidden.
    /// </summary>
    public static int AfterLateFailure(int gateExitCode, ErrorCategory category) =>
        gateExitCode == ExitCodes.Passed ? ExitCodeFor(category) : gateExitCode;
}
