namespace ModelGate.GitHub.Comments;

/// <summary>What to do when ModelGate's comment already exists on the pull request.</summary>
internal enum CommentMode
{
    /// <summary>Edit it in place (the default: one comment, always current).</summary>
    Update,

    /// <summary>Delete it and post a new one at the bottom of the conversation (notifies reviewers again).</summary>
    Recreate,

    /// <summary>Edit it only when the verdict differs from the one it shows; otherwise leave it untouched.</summary>
    ChangedOnly,
}
