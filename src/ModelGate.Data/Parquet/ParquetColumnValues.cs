using System.Globalization;
using System.Numerics;
using Parquet;
using Parquet.Schema;

namespace ModelGate.Data.Parquet;

/// <summary>
/// One projected column of the current row group, one slot per row: numbers as double, integers as long, booleans,
/// or text (strings, dates, timestamps), with a null flag per row. The buffers are reused from row group to row group.
/// </summary>
internal sealed class ParquetColumnValues
{
    private readonly string file;
    private readonly DataField field;
    private readonly Type type;
    private Array? buffer;
    private int[] levels = [];

    private ParquetColumnValues(string file, DataField field, ColumnKind kind)
    {
        this.file = file;
        this.field = field;
        type = Nullable.GetUnderlyingType(field.ClrType) ?? field.ClrType;
        Kind = kind;
    }

    /// <summary>How the values are held: Number, WholeNumber, Boolean, or Text for strings, dates and timestamps.</summary>
    public ColumnKind Kind { get; }

    /// <summary>The values of a Number column.</summary>
    public double[] Numbers { get; private set; } = [];

    /// <summary>The values of a WholeNumber column.</summary>
    public long[] Longs { get; private set; } = [];

    /// <summary>The values of a Boolean column.</summary>
    public bool[] Booleans { get; private set; } = [];

    /// <summary>The values of a Text column.</summary>
    public ReadOnlyMemory<char>[] Texts { get; private set; } = [];

    /// <summary>Whether each row's value is null.</summary>
    public bool[] Nulls { get; private set; } = [];

    /// <summary>The reader for a top-level column; nested and binary columns are refused with the fix.</summary>
    public static ParquetColumnValues For(string file, Field field)
    {
        if (field is not DataField data || data.IsArray || data.MaxRepetitionLevel > 0 || data.Path.Length > 1)
        {
            var what = field.SchemaType switch
            {
                SchemaType.List => "a list",
                SchemaType.Map => "a map",
                SchemaType.Struct => "a struct",
                _ => "a repeated field",
            };
            throw new HoldoutException(file, null, field.Name, null,
                "the column is " + what + "; a holdout needs one plain value per row",
                "flatten it into plain columns (one per value) when writing the file, or leave it out of the policy");
        }

        var type = Nullable.GetUnderlyingType(data.ClrType) ?? data.ClrType;
        var kind = Type.GetTypeCode(type) switch
        {
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => ColumnKind.Number,
            TypeCode.Int64 or TypeCode.Int32 or TypeCode.Int16 or TypeCode.SByte
                or TypeCode.UInt32 or TypeCode.UInt16 or TypeCode.Byte or TypeCode.UInt64 => ColumnKind.WholeNumber,
            TypeCode.Boolean => ColumnKind.Boolean,
            TypeCode.String or TypeCode.DateTime => ColumnKind.Text,
            _ when type == typeof(ReadOnlyMemory<char>) => ColumnKind.Text,
            _ when type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan)
                || type == typeof(DateTimeOffset) || type == typeof(Guid) => ColumnKind.Text,
            _ => throw new HoldoutException(file, null, field.Name, null,
                "the column holds " + (type == typeof(byte[]) ? "binary values" : type.Name) + ", which a holdout cannot use",
                "write it as numbers, booleans or UTF-8 strings, or leave it out of the policy"),
        };
        return new ParquetColumnValues(file, data, kind);
    }

    /// <summary>Reads this column of a row group of <paramref name="rows"/> rows.</summary>
    public void Load(ParquetRowGroupReader group, int index, int rows)
    {
        Nulls = Fit(Nulls, rows);
        ParquetFailure.Guard(file, index, field.Name, () =>
        {
            switch (Kind)
            {
                case ColumnKind.Number:
                    Numbers = Fit(Numbers, rows);
                    LoadNumbers(group, rows);
                    break;
                case ColumnKind.WholeNumber:
                    Longs = Fit(Longs, rows);
                    LoadWholeNumbers(group, rows);
                    break;
                case ColumnKind.Boolean:
                    Booleans = Fit(Booleans, rows);
                    Expand(group, rows, Booleans);
                    break;
                default:
                    Texts = Fit(Texts, rows);
                    LoadTexts(group, rows);
                    break;
            }

            return 0;
        });
    }

    private static double ShortestDecimal(float value)
    {
        Span<char> text = stackalloc char[32];
        return value.TryFormat(text, out var n, "R", CultureInfo.InvariantCulture)
            ? double.Parse(text[..n], NumberStyles.Float, CultureInfo.InvariantCulture)
            : value;
    }

    private static double FromDecimal(decimal value)
    {
        // Through its decimal text, rounded once, as the same value in a CSV would be (a decimal-to-double cast may be off by one ulp).
        Span<char> text = stackalloc char[40];
        return value.TryFormat(text, out var n, default, CultureInfo.InvariantCulture)
            ? double.Parse(text[..n], NumberStyles.Float, CultureInfo.InvariantCulture)
            : (double)value;
    }

    private static T[] Fit<T>(T[] array, int rows) => array.Length >= rows ? array : new T[rows];

    private void LoadNumbers(ParquetRowGroupReader group, int rows)
    {
        switch (Type.GetTypeCode(type))
        {
            case TypeCode.Double:
                Expand(group, rows, Numbers);
                break;
            case TypeCode.Single:
                // The float's shortest decimal, as a CSV written from it would hold: 0.1f reads as 0.1, not 0.100000001.
                Convert(Expand(group, rows, Scratch<float>(rows)), rows, Numbers, ShortestDecimal);
                break;
            default:
                Convert(Expand(group, rows, Scratch<decimal>(rows)), rows, Numbers, FromDecimal);
                break;
        }
    }

    private void LoadWholeNumbers(ParquetRowGroupReader group, int rows)
    {
        Action<ParquetRowGroupReader, int> load = Type.GetTypeCode(type) switch
        {
            TypeCode.Int64 => WholeNumbers<long>,
            TypeCode.Int32 => WholeNumbers<int>,
            TypeCode.Int16 => WholeNumbers<short>,
            TypeCode.SByte => WholeNumbers<sbyte>,
            TypeCode.UInt32 => WholeNumbers<uint>,
            TypeCode.UInt16 => WholeNumbers<ushort>,
            TypeCode.Byte => WholeNumbers<byte>,
            _ => WholeNumbers<ulong>,
        };
        load(group, rows);
    }

    // An unsigned 64-bit value above long.MaxValue overflows, and the file is refused with that reason.
    private void WholeNumbers<T>(ParquetRowGroupReader group, int rows)
        where T : struct, IBinaryInteger<T>
    {
        if (Longs is T[] longs)
        {
            Expand(group, rows, longs);
            return;
        }

        Convert(Expand(group, rows, Scratch<T>(rows)), rows, Longs, long.CreateChecked);
    }

    private void LoadTexts(ParquetRowGroupReader group, int rows)
    {
        if (type == typeof(string) || type == typeof(ReadOnlyMemory<char>))
        {
            // As strings: Parquet.Net's ReadOnlyMemory<char> form kept its decoded pages alive (higher peak memory, no faster).
            var strings = new string?[rows];
            group.ReadAsync(field, strings.AsMemory(), null).AsTask().GetAwaiter().GetResult();
            for (var i = 0; i < rows; i++)
            {
                Nulls[i] = strings[i] is null;
                Texts[i] = strings[i].AsMemory();
            }

            return;
        }

        var inv = CultureInfo.InvariantCulture;
        if (type == typeof(DateOnly))
        {
            ConvertText(Read<DateOnly>(group, rows), rows, v => v.ToString("yyyy-MM-dd", inv));
        }
        else if (type == typeof(DateTime))
        {
            ConvertText(Read<DateTime>(group, rows), rows, v => v.ToString(v.TimeOfDay == TimeSpan.Zero && field is not DateTimeDataField ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", inv));
        }
        else if (type == typeof(DateTimeOffset))
        {
            ConvertText(Read<DateTimeOffset>(group, rows), rows, v => v.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", inv));
        }
        else if (type == typeof(TimeOnly))
        {
            ConvertText(Read<TimeOnly>(group, rows), rows, v => v.ToString("HH:mm:ss.FFFFFFF", inv));
        }
        else if (type == typeof(TimeSpan))
        {
            ConvertText(Read<TimeSpan>(group, rows), rows, v => v.ToString("c", inv));
        }
        else
        {
            ConvertText(Read<Guid>(group, rows), rows, v => v.ToString("D", inv));
        }
    }

    private T?[] Read<T>(ParquetRowGroupReader group, int rows)
        where T : struct
    {
        if (buffer is not T?[] values || values.Length < rows)
        {
            values = new T?[rows];
            buffer = values;
        }

        group.ReadAsync(field, values.AsMemory(0, rows), null).AsTask().GetAwaiter().GetResult();
        return values;
    }

    private T[] Scratch<T>(int rows)
        where T : struct
    {
        if (buffer is not T[] values || values.Length < rows)
        {
            values = new T[rows];
            buffer = values;
        }

        return values;
    }

    /// <summary>
    /// Reads the column's values, densely packed, and its definition levels, then spreads the values to their rows
    /// (from the end, in place) and marks the null rows: no nullable array of 16-byte slots per row.
    /// </summary>
    private T[] Expand<T>(ParquetRowGroupReader group, int rows, T[] target)
        where T : struct
    {
        var values = target.AsMemory(0, rows);
        if (field.MaxDefinitionLevel == 0)
        {
            group.ReadRawAsync(field, values, null, null).AsTask().GetAwaiter().GetResult();
            Array.Clear(Nulls, 0, rows);
            return target;
        }

        levels = Fit(levels, rows);
        group.ReadRawAsync(field, values, levels.AsMemory(0, rows), null).AsTask().GetAwaiter().GetResult();
        var defined = field.MaxDefinitionLevel;
        var present = 0;
        for (var i = 0; i < rows; i++)
        {
            present += levels[i] == defined ? 1 : 0;
        }

        var k = present - 1;
        for (var i = rows - 1; i >= 0; i--)
        {
            var isNull = levels[i] != defined;
            Nulls[i] = isNull;
            target[i] = isNull ? default : target[k--];
        }

        return target;
    }

    private void Convert<T, TOut>(T[] source, int rows, TOut[] target, Func<T, TOut> convert)
        where T : struct
    {
        for (var i = 0; i < rows; i++)
        {
            target[i] = Nulls[i] ? default! : convert(source[i]);
        }
    }

    private void ConvertText<T>(T?[] source, int rows, Func<T, string> format)
        where T : struct
    {
        for (var i = 0; i < rows; i++)
        {
            var value = source[i];
            Nulls[i] = !value.HasValue;
            Texts[i] = value.HasValue ? format(value.GetValueOrDefault()).AsMemory() : default;
        }
    }
}
