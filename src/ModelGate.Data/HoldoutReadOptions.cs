using ModelGate.Core.Limits;
using ModelGate.Core;

namespace ModelGate.Data;

/// <summary>How to read a holdout file: which columns, their types, and what to do with missing values.</summary>
internal sealed record HoldoutReadOptions
{
    /// <summary>The default missing-value tokens: empty, NA, NaN and null (JSON null is always missing).</summary>
    public static IReadOnlyList<string> DefaultMissingTokens { get; } = ["", "NA", "NaN", "null"];

    /// <summary>Forces the format instead of detecting it from the extension (.gz is still detected).</summary>
    public HoldoutFormat? Format { get; init; }

    /// <summary>The columns to materialise, as names or globs (p*, feature_?); null reads every column. Each must exist (else an error with suggestions).</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>The columns the missing policy applies to (read even when not in <see cref="Columns"/>); null means every requested column except the row id.</summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>A column whose values name the rows (read as text); null numbers rows from 1.</summary>
    public string? RowIdColumn { get; init; }

    /// <summary>Explicit column types (each name must exist); other columns are inferred from their first <see cref="InferenceRows"/> values (or the first chunk, if smaller).</summary>
    public IReadOnlyDictionary<string, ColumnKind> ColumnKinds { get; init; } = new Dictionary<string, ColumnKind>(StringComparer.Ordinal);

    /// <summary>What happens to rows with a missing feature value.</summary>
    public MissingPolicy Missing { get; init; } = MissingPolicy.Fail;

    /// <summary>Field values that mean "missing", matched exactly.</summary>
    public IReadOnlyList<string> MissingTokens { get; init; } = DefaultMissingTokens;

    /// <summary>Rows per chunk on the streaming path.</summary>
    public int ChunkRows { get; init; } = 65_536;

    /// <summary>How many leading rows decide an inferred column's type.</summary>
    public int InferenceRows { get; init; } = 65_536;

    /// <summary>Bounds on line length, field count and decompression (the holdout may come from a pull request).</summary>
    public ResourceLimits Limits { get; init; } = ResourceLimits.Default;
}
