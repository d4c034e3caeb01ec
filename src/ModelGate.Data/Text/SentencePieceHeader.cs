namespace ModelGate.Data.Text;

/// <summary>
/// What ModelGate reads itself from a SentencePiece model file (a <c>sentencepiece.ModelProto</c>): its trainer spec's
/// model type and special ids (<c>unk_id</c>, <c>bos_id</c>, <c>eos_id</c>, <c>pad_id</c>; -1 = the model has none), which
/// Microsoft.ML.Tokenizers does not expose (the pad id) or exposes only after it has accepted the file.
/// </summary>
internal sealed record SentencePieceHeader(string ModelType, int Unknown, int Bos, int Eos, int Pad)
{
    // sentencepiece_model.proto: ModelProto.trainer_spec = 2; TrainerSpec.model_type = 3 (UNIGRAM 1, BPE 2, WORD 3,
    // CHAR 4), unk_id = 40, bos_id = 41, eos_id = 42, pad_id = 43, with these defaults.
    private const int TrainerSpecField = 2;
    private static readonly string[] ModelTypes = ["", "unigram", "bpe", "word", "char"];

    /// <summary>The header of a ModelProto, or null when the bytes are not one (a wire type or length that does not fit).</summary>
    public static SentencePieceHeader? Read(ReadOnlySpan<byte> model)
    {
        var header = new SentencePieceHeader("unigram", 0, 1, 2, -1);
        var at = 0;
        while (at < model.Length)
        {
            if (!Field(model, ref at, out var field, out var wire, out var value, out var bytes))
            {
                return null;
            }

            if (field == TrainerSpecField && wire == 2)
            {
                header = Trainer(model.Slice(bytes.Start, bytes.Length), header);
                if (header is null)
                {
                    return null;
                }
            }
        }

        return header;
    }

    /// <summary>
    /// The model's bytes as Microsoft.ML.Tokenizers 2.0.0 can load them. It indexes its piece table with bos_id and
    /// eos_id, so a model without one (bos_id -1, as T5's) fails to load; such a model gets the unknown piece's id there
    /// (a later field wins in protobuf), which touches no segmentation: only the library's own framing would use it, and
    /// ModelGate frames from this header's ids. Checked against Google's sentencepiece on a model without &lt;s&gt;.
    /// </summary>
    public byte[] Loadable(byte[] model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Bos >= 0 && Eos >= 0)
        {
            return model;
        }

        var extra = new List<byte>();
        foreach (var (field, value) in new[] { (41, Bos), (42, Eos) })
        {
            if (value < 0)
            {
                WriteVarint(extra, (ulong)(field << 3));
                WriteVarint(extra, (ulong)Unknown);
            }
        }

        var at = 0;
        while (at < model.Length)
        {
            var start = at;
            if (!Field(model, ref at, out var number, out var wire, out _, out var bytes))
            {
                break;
            }

            if (number == TrainerSpecField && wire == 2)
            {
                var rewritten = new List<byte>(model.Length + extra.Count + 8);
                rewritten.AddRange(model.AsSpan(0, start));
                WriteVarint(rewritten, (ulong)((TrainerSpecField << 3) | 2));
                WriteVarint(rewritten, (ulong)(bytes.Length + extra.Count));
                rewritten.AddRange(model.AsSpan(bytes.Start, bytes.Length));
                rewritten.AddRange(extra);
                rewritten.AddRange(model.AsSpan(at));
                return [.. rewritten];
            }
        }

        return model;
    }

    private static void WriteVarint(List<byte> output, ulong value)
    {
        while (value >= 0x80)
        {
            output.Add((byte)(value | 0x80));
            value >>= 7;
        }

        output.Add((byte)value);
    }

    private static SentencePieceHeader? Trainer(ReadOnlySpan<byte> spec, SentencePieceHeader header)
    {
        var at = 0;
        while (at < spec.Length)
        {
            if (!Field(spec, ref at, out var field, out var wire, out var value, out _))
            {
                return null;
            }

            if (wire != 0)
            {
                continue;
            }

            var number = unchecked((int)value);
            header = field switch
            {
                3 => header with { ModelType = number >= 1 && number < ModelTypes.Length ? ModelTypes[number] : $"type {number}" },
                40 => header with { Unknown = number },
                41 => header with { Bos = number },
                42 => header with { Eos = number },
                43 => header with { Pad = number },
                _ => header,
            };
        }

        return header;
    }

    // One field: its number and wire type, a varint's value, or a length-delimited field's range; false when malformed.
    private static bool Field(ReadOnlySpan<byte> data, ref int at, out int field, out int wire, out ulong value, out (int Start, int Length) bytes)
    {
        field = wire = 0;
        value = 0;
        bytes = default;
        if (!Varint(data, ref at, out var key))
        {
            return false;
        }

        field = (int)(key >> 3);
        wire = (int)(key & 7);
        switch (wire)
        {
            case 0:
                return Varint(data, ref at, out value);
            case 1:
                return Skip(data, ref at, 8);
            case 5:
                return Skip(data, ref at, 4);
            case 2:
                if (!Varint(data, ref at, out var length) || length > (ulong)(data.Length - at))
                {
                    return false;
                }

                bytes = (at, (int)length);
                at += (int)length;
                return true;
            default:
                return false;
        }
    }

    private static bool Skip(ReadOnlySpan<byte> data, ref int at, int count)
    {
        if (data.Length - at < count)
        {
            return false;
        }

        at += count;
        return true;
    }

    private static bool Varint(ReadOnlySpan<byte> data, ref int at, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64 && at < data.Length; shift += 7)
        {
            var b = data[at++];
            value |= (ulong)(b & 0x7f) << shift;
            if (b < 0x80)
            {
                return true;
            }
        }

        return false;
    }
}
