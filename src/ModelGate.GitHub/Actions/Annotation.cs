namespace ModelGate.GitHub.Actions;

/// <summary>How loud an annotation is in the Actions UI.</summary>
internal enum AnnotationLevel
{
    /// <summary>A failing check (<c>::error</c>).</summary>
    Error,

    /// <summary>An inconclusive or waived check (<c>::warning</c>).</summary>
    Warning,

    /// <summary>Information (<c>::notice</c>).</summary>
    Notice,
}

/// <summary>One annotation pointing at the policy file.</summary>
/// <param name="Level">Error, warning or notice.</param>
/// <param name="File">The policy file path relative to the repository root (e.g. modelgate.yml).</param>
/// <param name="Line">The 1-based line of the check in the policy file, when known.</param>
/// <param name="Title">A short title (e.g. the check id).</param>
/// <param name="Message">What happened, may span lines.</param>
/// <param name="Priority">Importance within its level: lower comes first (1 is the most important).</param>
internal sealed record Annotation(AnnotationLevel Level, string File, int? Line, string Title, string Message, int Priority);
