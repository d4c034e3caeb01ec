using System.Runtime.CompilerServices;
using System.Text.Unicode;
using CsvHelper;
using ModelGate.Core.Limits;

namespace ModelGate.Data.Reading;

/// <summary>CSV and TSV through CsvHelper's SIMD UTF-8 reader, with ModelGate's checks and messages on top.</summary>
internal sealed class CsvRecordSource : IRecordSource
{
    private readonly CsvReader reader;
    private readonly string file;
    private readonly string separatorName;
    private readonly long maxRecordBytes;

    public CsvRecordSource(Stream text, string file, char separator, ResourceLimits limits)
    {
        this.file = file;
        separatorName = separator == '\t' ? "tab" : "'" + separator + "'";
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = true,
            Mode = CsvMode.Rfc4180,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            DetectSeparatorHint = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            OnMalformedRecord = Malformed,
            MaxRecordSize = (int)Math.Min(limits.LineBytes, int.MaxValue / 2),
            IncludeValuesInExceptions = false,
        };
        maxRecordBytes = limits.LineBytes;
        reader = CsvReader.Create(text, options, leaveOpen: true);
        Names = Guarded(ReadHeader);
        FieldLimit.Check(file, 1, Names.Count, limits);
    }

    public IReadOnlyList<string> Names { get; }

    public long Line => reader.LineNumber;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Read()
    {
        if (!Guarded(reader.Read))
        {
            return false;
        }

        if (reader.FieldCount != Names.Count)
        {
            throw new HoldoutException(
                file,
                reader.LineNumber,
                null,
                null,
                FormattableString.Invariant($"{reader.FieldCount} fields but the header has {Names.Count}"),
                "give every row one field per column (quote fields that contain the " + separatorName + " separator)");
        }

        var raw = reader.RawRecord;
        if (!Utf8.IsValid(raw))
        {
            throw InvalidUtf8(reader.LineNumber);
        }

        return true;
    }

    public ReadOnlySpan<byte> Field(int column) => reader.GetSpan(column);

    public bool IsNull(int column) => false;

    public void Dispose() => reader.Dispose();

    private T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (CsvFormatException e) when (e.Message.Contains("MaxRecordSize", StringComparison.Ordinal))
        {
            throw new HoldoutException(file, reader.LineNumber + 1, null, null,
                $"the record is longer than {ResourceLimits.Format(maxRecordBytes, true)} (line_bytes)",
                "close every quoted field and write one record per line; " + LimitExceededException.HowToRaise("line_bytes"), e);
        }
    }

    private IReadOnlyList<string> ReadHeader()
    {
        var names = reader.Headers;
        if (names.Count == 0)
        {
            throw new HoldoutException(file, null, null, null, "the file is empty", "a holdout needs a header line and at least one data row");
        }

        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Contains('\uFFFD', StringComparison.Ordinal))
            {
                throw InvalidUtf8(1);
            }
        }

        return names;
    }

    private HoldoutException InvalidUtf8(long line)
    {
        var column = FindInvalidColumn();
        return new HoldoutException(file, line, column, null, "invalid UTF-8 byte", "save the file as UTF-8");
    }

    private string? FindInvalidColumn()
    {
        if (Names is null)
        {
            return null;
        }

        for (var i = 0; i < reader.FieldCount && i < Names.Count; i++)
        {
            if (!Utf8.IsValid(reader.GetSpan(i)))
            {
                return Names[i];
            }
        }

        return null;
    }

    private void Malformed(CsvMalformedRecord record)
    {
        var (problem, fix) = record.Reason switch
        {
            CsvMalformedReason.UnterminatedQuote => ("a quoted field is never closed", "close the quote (a quote inside a quoted field is written twice: \"\")"),
            CsvMalformedReason.StrayQuote => ("a quote inside an unquoted field", "quote the whole field and double the inner quote (\"a \"\"b\"\" c\")"),
            CsvMalformedReason.TextAfterClosingQuote => ("text after the closing quote of a field", "quote the whole field and double the inner quote (\"a \"\"b\"\" c\")"),
            _ => ("malformed quoting (" + record.Reason.ToString() + ")", "fix the quoting of this line"),
        };
        throw new HoldoutException(file, record.LineNumber, null, null, problem, fix);
    }
}
