using System.CommandLine;
using ModelGate.GitHub.Comments;

namespace ModelGate.Cli.Commands;

/// <summary>The GitHub flags shared by <c>check</c> and <c>comment</c>.</summary>
internal static class GitHubOptionSet
{
    /// <summary>--github-token, --github-timeout, --comment-author.</summary>
    public static (Option<string?> Token, Option<int?> Timeout, Option<string?> Author) Create() =>
    (
        new Option<string?>("--github-token") { Description = "Token for the PR comment (default: GITHUB_TOKEN, which is preferred)." },
        OptionValues.WholeNumber("--github-timeout", "Seconds the PR comment may take in all, retries included (default 180).", 1, 86_400),
        new Option<string?>("--comment-author") { Description = "Only comments by this login count as ModelGate's (for a personal token); default: any bot." }
    );
}

/// <summary>--comment-mode: update, recreate, changed (or changed-only).</summary>
internal static class CommentModeOption
{
    /// <summary>The option.</summary>
    public static Option<string> Create()
    {
        var option = new Option<string>("--comment-mode")
        {
            Description = "update (edit in place), recreate (delete and post anew) or changed (edit only when the verdict changed).",
            DefaultValueFactory = _ => "update",
        };
        option.AcceptOnlyFromAmong("update", "recreate", "changed", "changed-only");
        return option;
    }

    /// <summary>The mode a value names.</summary>
    public static CommentMode Parse(string value) => value switch
    {
        "recreate" => CommentMode.Recreate,
        "changed" or "changed-only" => CommentMode.ChangedOnly,
        _ => CommentMode.Update,
    };
}
