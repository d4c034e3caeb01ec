namespace ModelGate.Cli.Init;

/// <summary>How <c>init</c> maps holdout columns onto the model: one input per column, or one dense input.</summary>
/// <param name="PerColumn">True when every model input is a holdout column of the same name.</param>
/// <param name="InputName">The dense input's name (null when per column).</param>
/// <param name="Columns">The dense input's columns, in model order (empty when per column).</param>
/// <param name="Note">Why these columns: written as a YAML comment and printed.</param>
/// <param name="Shape">[channels, height, width] when the input is an image the columns are reshaped into; else null.</param>
internal sealed record InputChoice(bool PerColumn, string? InputName, IReadOnlyList<string> Columns, string Note, IReadOnlyList<int>? Shape = null);
