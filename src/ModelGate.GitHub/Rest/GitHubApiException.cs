namespace ModelGate.GitHub.Rest;

/// <summary>A GitHub call that failed for good; the message is one line, token-free, and <see cref="Fix"/> says what to do.
/// The CLI maps this type to a publishing failure; this project names no exit code.</summary>
internal sealed class GitHubApiException : Exception
{
    /// <summary>Creates the exception; callers pass messages already stripped of the token.</summary>
    public GitHubApiException(GitHubFault fault, int? statusCode, string message, string fix)
        : base(message)
    {
        Fault = fault;
        StatusCode = statusCode;
        Fix = fix;
    }

    /// <summary>Creates the exception without details (analyser conventions).</summary>
    public GitHubApiException()
        : this(GitHubFault.Rejected, null, "GitHub call failed.", "retry")
    {
    }

    /// <summary>Creates the exception with a message only (analyser conventions).</summary>
    public GitHubApiException(string message)
        : this(GitHubFault.Rejected, null, message, "retry")
    {
    }

    /// <summary>Creates the exception with a message and cause (analyser conventions).</summary>
    public GitHubApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Fault = GitHubFault.Rejected;
        Fix = "retry";
    }

    /// <summary>The kind of failure.</summary>
    public GitHubFault Fault { get; }

    /// <summary>The HTTP status, when GitHub answered at all.</summary>
    public int? StatusCode { get; }

    /// <summary>What the user should change, one line.</summary>
    public string Fix { get; }
}
