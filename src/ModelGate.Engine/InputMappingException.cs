namespace ModelGate.Engine;

/// <summary>The policy's input mapping does not fit the model or the holdout (exit code 3).</summary>
public sealed class InputMappingException(string message) : Exception(message);
