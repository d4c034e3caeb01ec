using ModelGate.Core.Errors;

namespace ModelGate.Cli;

/// <summary>A mistake in how the tool was called (flags, missing policy file).</summary>
internal sealed class UsageException(string message) : ModelGateException(message)
{
    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.Usage;
}
