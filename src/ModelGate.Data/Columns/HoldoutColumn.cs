using System.Globalization;

namespace ModelGate.Data;

/// <summary>One materialised column of a holdout (or of a chunk of it): typed values, one per kept row.</summary>
internal abstract class HoldoutColumn
{
    /// <summary>Sets the shared parts.</summary>
    protected HoldoutColumn(string name, int length)
    {
        Name = name;
        Length = length;
    }

    /// <summary>The column name as in the file.</summary>
    public string Name { get; }

    /// <summary>How the values are stored.</summary>
    public abstract ColumnKind Kind { get; }

    /// <summary>Number of rows.</summary>
    public int Length { get; }

    /// <summary>Whether the value of a row is missing.</summary>
    public abstract bool IsMissing(int row);

    /// <summary>The value as a double: numbers as is, booleans as 0/1, missing as NaN; text columns cannot.</summary>
    public abstract double ValueAsDouble(int row);

    /// <summary>The value as canonical text (numbers in invariant shortest round-trip form, booleans as true/false); null when missing.</summary>
    public abstract string? ValueAsText(int row);

    /// <summary>Copies the values as doubles (missing = NaN).</summary>
    public double[] ToDoubles()
    {
        var result = new double[Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ValueAsDouble(i);
        }

        return result;
    }

    /// <summary>Copies the values as 32-bit floats (missing = NaN), the element type models usually take.</summary>
    public float[] ToFloats()
    {
        var result = new float[Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (float)ValueAsDouble(i);
        }

        return result;
    }

    /// <summary>Copies the values as text (missing = null).</summary>
    public string?[] ToText()
    {
        var result = new string?[Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = ValueAsText(i);
        }

        return result;
    }

    /// <summary>The number of missing values.</summary>
    public int CountMissing()
    {
        var n = 0;
        for (var i = 0; i < Length; i++)
        {
            if (IsMissing(i))
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>Formats a double as the shortest invariant text that parses back to it.</summary>
    protected static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
