namespace ModelGate.GitHub;

/// <summary>A mistake in how ModelGate was set up for GitHub (a bad repository name, event or key).
/// This project depends on nothing, so it names no exit code: the CLI maps this type to a usage error.</summary>
internal sealed class GitHubSetupException : Exception
{
    /// <summary>Creates the exception with a one-line message that says what is wrong and the fix.</summary>
    public GitHubSetupException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and its cause.</summary>
    public GitHubSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without a message (serialisation and analyser conventions).</summary>
    public GitHubSetupException()
    {
    }
}
