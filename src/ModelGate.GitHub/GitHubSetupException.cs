namespace ModelGate.GitHub;

/// <summary>A mistake in how ModelGate was set up for GitHub (a bad repository name, event or key); exit code 2.</summary>
public sealed class GitHubSetupException : Exception
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

    /// <summary>The CLI's exit code for this category: usage or policy error.</summary>
    public const int ExitCode = 2;
}
