namespace ModelGate.GitHub.Comments;

/// <summary>What happened to the pull request comment.</summary>
internal enum CommentStatus
{
    /// <summary>No earlier comment with this key: a new one was posted.</summary>
    Created,

    /// <summary>The earlier comment was edited in place.</summary>
    Updated,

    /// <summary>The earlier comment was deleted and a new one posted.</summary>
    Recreated,

    /// <summary>Changed-only mode and the verdict is the same: the comment was left as it is.</summary>
    Unchanged,

    /// <summary>No pull request to comment on (push, schedule, workflow_run without --pr...).</summary>
    NoPullRequest,

    /// <summary>GitHub refused or could not be reached; see the reason and fix.</summary>
    NotPosted,
}
