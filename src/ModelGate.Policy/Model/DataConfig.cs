using ModelGate.Core;

namespace ModelGate.Policy.Model;

/// <summary>The holdout (and optional train sample) and how their columns are used.</summary>
/// <param name="Holdout">Absolute path of the holdout file.</param>
/// <param name="Train">Absolute path of the train sample, for the generalization gap; null when not configured.</param>
/// <param name="Label">The label (target) column.</param>
/// <param name="Id">The row id column, so reports can name flipped rows; null means row numbers.</param>
/// <param name="Weight">A per-row weight column; null means all rows weigh 1.</param>
/// <param name="Inputs">How columns become model inputs.</param>
/// <param name="Missing">What to do with missing values.</param>
/// <param name="ColumnTypes">Forced column types by column name.</param>
internal sealed record DataConfig(
    string Holdout,
    string? Train,
    string Label,
    string? Id,
    string? Weight,
    InputsMapping Inputs,
    MissingPolicy Missing,
    IReadOnlyDictionary<string, ColumnType> ColumnTypes)
{
    /// <summary><c>data.images</c>: model inputs fed with images named by a column.</summary>
    public IReadOnlyList<ImageInputConfig> Images { get; init; } = [];

    /// <summary><c>data.text</c>: text columns tokenized into model inputs.</summary>
    public IReadOnlyList<TextInputConfig> Text { get; init; } = [];
}
