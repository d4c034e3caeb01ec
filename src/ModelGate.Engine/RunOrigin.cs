using System.Globalization;
using System.Text.RegularExpressions;
using ModelGate.Reports;

namespace ModelGate.Engine;

/// <summary>
/// Repository, branch, pull request and commit of a run, from the variables GitHub Actions sets (another CI can set the
/// same names): GITHUB_REPOSITORY; GITHUB_HEAD_REF, else GITHUB_REF_NAME; --pr, else the number in GITHUB_REF
/// (refs/pull/N/merge); GITHUB_SHA.
/// </summary>
internal static partial class RunOrigin
{
    /// <summary>What the environment says about the run; unknown parts stay null.</summary>
    public static RunIdentity From(Func<string, string?> env, int? pullRequest)
    {
        ArgumentNullException.ThrowIfNull(env);
        var pr = pullRequest?.ToString(CultureInfo.InvariantCulture);
        if (pr is null && env("GITHUB_REF") is { } gitRef && PullRef().Match(gitRef) is { Success: true } m)
        {
            pr = m.Groups[1].Value;
        }

        return new RunIdentity(env("GITHUB_REPOSITORY"), env("GITHUB_HEAD_REF") ?? env("GITHUB_REF_NAME"), pr, env("GITHUB_SHA"))
        {
            RunUrl = RunUrl(env),
        };
    }

    /// <summary>
    /// GITHUB_SERVER_URL/GITHUB_REPOSITORY/actions/runs/GITHUB_RUN_ID, when all three are set and well-formed (an https
    /// server, owner/name, a number): the link goes into the PR comment, so nothing else is trusted.
    /// </summary>
    public static string? RunUrl(Func<string, string?> env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var server = env("GITHUB_SERVER_URL")?.TrimEnd('/');
        var repository = env("GITHUB_REPOSITORY");
        var run = env("GITHUB_RUN_ID");
        return server is not null && repository is not null && run is not null
            && Uri.TryCreate(server, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.AbsolutePath is "/" && string.IsNullOrEmpty(uri.Query)
            && RepositoryName().IsMatch(repository) && RunId().IsMatch(run)
            ? $"{server}/{repository}/actions/runs/{run}"
            : null;
    }

    /// <summary>
    /// A model's version: the flag or policy key, else the ONNX metadata_props "version" or "model_version", else the
    /// model_version field when set (ONNX Runtime reports an unset field as <see cref="long.MaxValue"/>).
    /// </summary>
    public static string? ModelVersion(string? flag, ModelGate.Onnx.Signature.ModelMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return flag is { Length: > 0 } ? flag
            : metadata.Custom.TryGetValue("version", out var v) && v.Length > 0 ? v
            : metadata.Custom.TryGetValue("model_version", out var mv) && mv.Length > 0 ? mv
            : metadata.ModelVersion is > 0 and < long.MaxValue ? metadata.ModelVersion.ToString(CultureInfo.InvariantCulture)
            : null;
    }

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")]
    private static partial Regex RepositoryName();

    [GeneratedRegex(@"^[0-9]{1,20}$")]
    private static partial Regex RunId();

    [GeneratedRegex(@"^refs/pull/(\d+)/")]
    private static partial Regex PullRef();
}
