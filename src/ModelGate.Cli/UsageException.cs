namespace ModelGate.Cli;

/// <summary>A mistake in how the tool was called (flags, missing policy file); exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
