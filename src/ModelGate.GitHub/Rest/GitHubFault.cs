namespace ModelGate.GitHub.Rest;

/// <summary>Why a GitHub call did not succeed, in the terms of the fix.</summary>
internal enum GitHubFault
{
    /// <summary>401: the token is missing, expired or revoked.</summary>
    Unauthorized,

    /// <summary>404: the token cannot see the repository or the pull request does not exist.</summary>
    NotFound,

    /// <summary>403 "Resource not accessible by integration": a read-only token, typically a fork's pull_request run.</summary>
    ReadOnlyToken,

    /// <summary>Another 403: the token lacks a permission.</summary>
    Forbidden,

    /// <summary>Rate limited, and the reset lies beyond the time bound.</summary>
    RateLimited,

    /// <summary>5xx, timeouts or connection failures persisted until the attempts or the time bound ran out.</summary>
    Unavailable,

    /// <summary>422 or another answer this client does not expect.</summary>
    Rejected,
}
