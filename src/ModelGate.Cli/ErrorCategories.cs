using ModelGate.Cli.Check;
using ModelGate.Core.Limits;
using ModelGate.Data;
using ModelGate.Engine;
using ModelGate.GitHub;
using ModelGate.GitHub.Rest;
using ModelGate.Onnx.Errors;
using ModelGate.Policy.Diagnostics;
using ModelGate.Policy.Where;
using ModelGate.Reports.Files;

namespace ModelGate.Cli;

/// <summary>Which exit code each library's typed errors mean: every user-facing error is one of these.</summary>
public static class ErrorCategories
{
    /// <summary>The exit code of a known ModelGate error; false for anything else (a defect).</summary>
    public static bool TryClassify(Exception exception, out int exitCode)
    {
        exitCode = exception switch
        {
            UsageException => ExitCodes.UsageOrPolicyError,
            PolicyException => ExitCodes.UsageOrPolicyError,
            WhereSyntaxException => ExitCodes.UsageOrPolicyError,
            GitHubSetupException => ExitCodes.UsageOrPolicyError,
            SafetySetException => ExitCodes.InputError,
            LimitExceededException => ExitCodes.InputError,
            RunTimeoutException => ExitCodes.EnvironmentError,
            HoldoutException holdout => holdout.ExitCode,
            InputMappingException => ExitCodes.InputError,
            OnnxException onnx => onnx.ExitCode,
            ReportWriteException => ExitCodes.EnvironmentError,
            GitHubApiException => ExitCodes.EnvironmentError,
            _ => -1,
        };
        return exitCode >= 0;
    }
}
