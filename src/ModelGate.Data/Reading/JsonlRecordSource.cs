using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using ModelGate.Core.Limits;

namespace ModelGate.Data.Reading;

/// <summary>
/// JSON Lines through Utf8JsonReader: each non-blank line is one object whose values are numbers, strings,
/// booleans or null. The first line's keys are the columns; a later line may omit keys (missing values).
/// </summary>
internal sealed class JsonlRecordSource : IRecordSource
{
    private const byte Absent = 0;
    private const byte InLine = 1;
    private const byte InScratch = 2;

    private static readonly byte[] TrueText = "true"u8.ToArray();
    private static readonly byte[] FalseText = "false"u8.ToArray();

    private readonly LineBuffer lines;
    private readonly string file;
    private readonly byte[][] keys;
    private readonly int[] starts;
    private readonly int[] lengths;
    private readonly byte[] places;
    private readonly bool[] seen;
    private byte[] line = new byte[4096];
    private byte[] scratch = new byte[4096];
    private int scratchUsed;
    private bool pending;
    private int lengthOfLine;

    public JsonlRecordSource(Stream text, string file, ResourceLimits limits)
    {
        this.file = file;
        lines = new LineBuffer(text, file, limits.LineBytes);
        if (!NextNonBlank())
        {
            throw new HoldoutException(file, null, null, null, "the file is empty", "a JSONL holdout needs at least one line with a JSON object");
        }

        try
        {
            Names = ReadKeys();
        }
        catch (JsonException e)
        {
            throw InvalidJson(e);
        }

        FieldLimit.Check(file, Line, Names.Count, limits);
        if (Names.Count == 0)
        {
            throw new HoldoutException(file, Line, null, null, "the first object has no keys, so there are no columns", "give the first line every column's key");
        }

        keys = Names.Select(n => Encoding.UTF8.GetBytes(n)).ToArray();
        starts = new int[Names.Count];
        lengths = new int[Names.Count];
        places = new byte[Names.Count];
        seen = new bool[Names.Count];
        pending = true;
    }

    public IReadOnlyList<string> Names { get; }

    public long Line { get; private set; }

    public bool Read()
    {
        if (pending)
        {
            pending = false;
        }
        else if (!NextNonBlank())
        {
            return false;
        }

        try
        {
            ParseValues();
        }
        catch (JsonException e)
        {
            throw InvalidJson(e);
        }

        return true;
    }

    public ReadOnlySpan<byte> Field(int column) => places[column] switch
    {
        InLine => line.AsSpan(starts[column], lengths[column]),
        InScratch => scratch.AsSpan(starts[column], lengths[column]),
        _ => default,
    };

    public bool IsNull(int column) => places[column] == Absent;

    public void Dispose()
    {
    }

    private bool NextNonBlank()
    {
        while (lines.TryReadLine(out var text))
        {
            if (lines.LineNumber == 1 && text.StartsWith("\uFEFF"u8))
            {
                text = text[3..];
            }

            if (text.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            Line = lines.LineNumber;
            if (!Utf8.IsValid(text))
            {
                throw new HoldoutException(file, Line, null, null, "invalid UTF-8 byte", "save the file as UTF-8");
            }

            if (line.Length < text.Length)
            {
                line = new byte[Math.Max(text.Length, line.Length * 2)];
            }

            text.CopyTo(line);
            lengthOfLine = text.Length;
            return true;
        }

        return false;
    }

    private List<string> ReadKeys()
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var json = Start();
        while (Next(ref json) == JsonTokenType.PropertyName)
        {
            var name = json.GetString()!;
            if (name.Trim().Length == 0)
            {
                throw new HoldoutException(file, Line, null, null, FormattableString.Invariant($"blank key in the object (key {names.Count + 1})"), "give every key a name");
            }

            if (!seen.Add(name))
            {
                throw new HoldoutException(file, Line, name, null, "duplicate key in the object", "give every key one value per line");
            }

            names.Add(name);
            json.Skip();
        }

        return names;
    }

    private Utf8JsonReader Start()
    {
        var json = new Utf8JsonReader(line.AsSpan(0, lengthOfLine), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var first = Next(ref json);
        if (first != JsonTokenType.StartObject)
        {
            throw new HoldoutException(file, Line, null, null, "not a JSON object (found " + Describe(first) + ")", "write one object per line, like {\"age\": 31, \"label\": \"yes\"}");
        }

        return json;
    }

    private void ParseValues()
    {
        Array.Clear(places);
        Array.Clear(seen);
        scratchUsed = 0;
        var json = Start();
        var hint = 0;
        while (Next(ref json) == JsonTokenType.PropertyName)
        {
            var column = FindKey(ref json, hint);
            hint = column + 1;
            if (seen[column])
            {
                throw new HoldoutException(file, Line, Names[column], null, "duplicate key in the object", "give every key one value per line");
            }

            seen[column] = true;
            var token = Next(ref json);
            switch (token)
            {
                case JsonTokenType.Number:
                    Place(column, InLine, (int)json.TokenStartIndex, json.ValueSpan.Length);
                    break;
                case JsonTokenType.String when !json.ValueIsEscaped:
                    Place(column, InLine, (int)json.TokenStartIndex + 1, json.ValueSpan.Length);
                    break;
                case JsonTokenType.String:
                    CopyEscaped(ref json, column);
                    break;
                case JsonTokenType.True:
                    CopyLiteral(column, TrueText);
                    break;
                case JsonTokenType.False:
                    CopyLiteral(column, FalseText);
                    break;
                case JsonTokenType.Null:
                    break;
                default:
                    throw new HoldoutException(
                        file,
                        Line,
                        Names[column],
                        null,
                        "the value is " + Describe(token) + "; values must be numbers, strings, true/false or null",
                        "flatten nested values into their own keys");
            }
        }

        if (Next(ref json) != JsonTokenType.None)
        {
            throw new HoldoutException(file, Line, null, null, "more than one JSON value on the line", "write one object per line");
        }
    }

    private int FindKey(ref Utf8JsonReader json, int hint)
    {
        scoped ReadOnlySpan<byte> name;
        if (json.ValueIsEscaped)
        {
            var unescaped = new byte[json.ValueSpan.Length];
            name = unescaped.AsSpan(0, json.CopyString(unescaped));
        }
        else
        {
            name = json.ValueSpan;
        }

        if (hint < keys.Length && name.SequenceEqual(keys[hint]))
        {
            return hint;
        }

        for (var i = 0; i < keys.Length; i++)
        {
            if (name.SequenceEqual(keys[i]))
            {
                return i;
            }
        }

        throw new HoldoutException(
            file,
            Line,
            Encoding.UTF8.GetString(name),
            null,
            "key not in the first line (the first line's keys are the columns)",
            "give the first line every key, with null where a value is missing");
    }

    private void Place(int column, byte place, int start, int length)
    {
        places[column] = place;
        starts[column] = start;
        lengths[column] = length;
    }

    private void CopyLiteral(int column, byte[] text)
    {
        var target = Reserve(text.Length);
        text.CopyTo(target);
        Place(column, InScratch, scratchUsed, text.Length);
        scratchUsed += text.Length;
    }

    private void CopyEscaped(ref Utf8JsonReader json, int column)
    {
        var target = Reserve(json.ValueSpan.Length);
        var written = json.CopyString(target);
        Place(column, InScratch, scratchUsed, written);
        scratchUsed += written;
    }

    private Span<byte> Reserve(int length)
    {
        if (scratch.Length - scratchUsed < length)
        {
            Array.Resize(ref scratch, Math.Max(scratch.Length * 2, scratchUsed + length));
        }

        return scratch.AsSpan(scratchUsed, length);
    }

    private JsonTokenType Next(ref Utf8JsonReader json)
    {
        try
        {
            return json.Read() ? json.TokenType : JsonTokenType.None;
        }
        catch (JsonException e)
        {
            throw InvalidJson(e);
        }
    }

    private HoldoutException InvalidJson(JsonException e)
    {
        var at = e.BytePositionInLine is { } p ? FormattableString.Invariant($" at character {p + 1}") : string.Empty;
        return new HoldoutException(file, Line, null, null, "invalid JSON" + at, "write one complete JSON object per line", e);
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "nothing",
    };
}
