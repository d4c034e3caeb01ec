namespace ModelGate.Data;

/// <summary>Lays numeric columns out row-major as float32, the input layout of tabular models.</summary>
internal static class FeatureMatrix
{
    public static float[] Build(IReadOnlyDictionary<string, HoldoutColumn> columns, IReadOnlyList<string> names, int rows)
    {
        ArgumentNullException.ThrowIfNull(names);
        var width = names.Count;
        var matrix = new float[(long)rows * width];
        for (var j = 0; j < width; j++)
        {
            if (!columns.TryGetValue(names[j], out var column))
            {
                throw new ArgumentException("Column '" + names[j] + "' was not read; add it to the requested columns.", nameof(names));
            }

            if (column.Kind == ColumnKind.Text)
            {
                throw new ArgumentException("Column '" + names[j] + "' holds text; a model input needs numbers.", nameof(names));
            }

            for (var i = 0; i < rows; i++)
            {
                matrix[((long)i * width) + j] = (float)column.ValueAsDouble(i);
            }
        }

        return matrix;
    }
}
