using ModelGate.Core.Errors;

namespace ModelGate.Engine;

/// <summary>The policy's input mapping does not fit the model or the holdout.</summary>
internal sealed class InputMappingException(string message) : ModelGateException(message)
{
    /// <inheritdoc />
    public override ErrorCategory Category => ErrorCategory.InputData;
}
