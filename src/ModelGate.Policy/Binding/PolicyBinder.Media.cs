using ModelGate.Core.Text;
using ModelGate.Policy.Model;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>data.images and data.text: model inputs computed per row from an image path or a text.</summary>
internal sealed partial class PolicyBinder
{
    public static readonly string[] ImageKeys = ["column", "colour", "resize", "antialias", "crop", "scale", "mean", "std", "layout", "dtype", "max_pixels", "max_file_bytes"];
    public static readonly string[] ResizeKeys = ["shorter_side", "size"];
    public static readonly string[] TextKeys = ["column", "tokenizer", "vocabulary", "merges", "encoding", "uncased", "add_bos", "add_eos", "max_length", "overflow", "max_chars", "inputs"];
    public static readonly string[] TextInputKeys = ["ids", "mask", "types"];

    private static readonly (string, ImageColour)[] Colours = [("rgb", ImageColour.Rgb), ("bgr", ImageColour.Bgr), ("grayscale", ImageColour.Grayscale)];
    private static readonly (string, ImageAxes)[] Layouts = [("nchw", ImageAxes.Nchw), ("nhwc", ImageAxes.Nhwc)];
    private static readonly (string, TextOverflowRule)[] Overflows = [("truncate", TextOverflowRule.Truncate), ("refuse", TextOverflowRule.Refuse)];
    private static readonly string[] Dtypes = ["float32", "float64", "float16"];
    private static readonly (string, TextTokenizerKind)[] Tokenizers = [("wordpiece", TextTokenizerKind.WordPiece), ("tiktoken", TextTokenizerKind.Tiktoken), ("bpe", TextTokenizerKind.Bpe), ("sentencepiece", TextTokenizerKind.SentencePiece)];
    private static readonly string[] OtherTokenizers = ["unigram", "wordlevel"];
    private const string TokenizerList = "wordpiece (a BERT vocab.txt), tiktoken (an OpenAI encoding), bpe (a GPT-2 vocab.json and merges.txt) or sentencepiece (a SentencePiece .model file)";

    /// <summary>The tiktoken encodings whose vocabularies ship with ModelGate (the Microsoft.ML.Tokenizers.Data packages).</summary>
    public static readonly string[] TiktokenEncodings = ["cl100k_base", "o200k_base"];

    private List<ImageInputConfig> BindImages(MappingNode data)
    {
        var images = new List<ImageInputConfig>();
        foreach (var (key, entry, section) in Entries(data, "images", ImageKeys))
        {
            var column = EntryColumn(entry, section, key, "the holdout column holding each row's image path, relative to the holdout file");

            var colour = _read.Choice(entry, "colour", Colours) ?? ImageColour.Rgb;
            var (shorter, size) = Resize(entry, section);
            var crop = Pair(entry, "crop", section);
            var scale = _read.NumberIn(entry, "scale", 0, double.MaxValue, "a positive number, e.g. 255 to map 8-bit values onto [0, 1]", openMin: true);
            var channels = colour == ImageColour.Grayscale ? 1 : 3;
            var mean = PerChannel(entry, "mean", channels, colour, positive: false);
            var std = PerChannel(entry, "std", channels, colour, positive: true);
            var dtype = _read.Text(entry, "dtype");
            if (dtype is not null && !Dtypes.Contains(dtype, StringComparer.Ordinal))
            {
                _read.Error(entry["dtype"]!.Location, $"'dtype' must be one of {string.Join(", ", Dtypes)}; got '{dtype}'{Suggestions.DidYouMean(dtype, Dtypes)}");
            }

            if (column is null)
            {
                continue;
            }

            images.Add(new ImageInputConfig(key, column)
            {
                Colour = colour,
                ShorterSide = shorter,
                Size = size,
                Antialias = _read.Boolean(entry, "antialias") ?? true,
                Crop = crop,
                Scale = scale ?? 255,
                Mean = mean,
                Std = std,
                Layout = _read.Choice(entry, "layout", Layouts) ?? ImageAxes.Nchw,
                Dtype = dtype,
                MaxPixels = _read.Integer(entry, "max_pixels", 1, "a whole number of pixels, at least 1"),
                MaxFileBytes = _read.Integer(entry, "max_file_bytes", 1, "a whole number of bytes, at least 1"),
            });
        }

        return images;
    }

    // data.images or data.text: each entry a mapping of known keys, named by its key.
    private IEnumerable<(string Key, MappingNode Entry, string Section)> Entries(MappingNode data, string name, IReadOnlyList<string> keys)
    {
        if (_read.Map(Reading.Value(data, name), name) is not { } map)
        {
            yield break;
        }

        foreach (var (key, value) in map.Entries)
        {
            var section = $"data.{name}.{key.Value}";
            if (_read.Map(value, section) is { } entry)
            {
                _read.Keys(entry, section, keys);
                yield return (key.Value, entry, section);
            }
        }
    }

    // The entry's column, recorded as a model input's column (checked against the header, never the label).
    private string? EntryColumn(MappingNode entry, string section, string key, string what)
    {
        var column = _read.RequiredText(entry, "column", section, what);
        if (column is not null)
        {
            Column((ScalarNode)entry["column"]!, ColumnUsage.Input(key));
        }

        return column;
    }

    // resize: { shorter_side: 256 } or { size: [224, 224] } (or size: 224 for a square).
    private (int? ShorterSide, (int, int)? Size) Resize(MappingNode entry, string section)
    {
        if (_read.Map(Reading.Value(entry, "resize"), "resize") is not { } resize)
        {
            return (null, null);
        }

        _read.Keys(resize, $"{section}.resize", ResizeKeys);
        var shorter = _read.Integer(resize, "shorter_side", 1, "a whole number of pixels, at least 1");
        var size = Pair(resize, "size", $"{section}.resize");
        if ((shorter is null) == (size is null) && (Reading.Value(resize, "shorter_side") is null) == (Reading.Value(resize, "size") is null))
        {
            _read.Error(resize.Location, $"{section}.resize needs exactly one of 'shorter_side' (keep the aspect) or 'size' ([height, width])");
            return (null, null);
        }

        return (shorter is null ? null : (int)Math.Min(shorter.Value, int.MaxValue), size);
    }

    // A size: one whole number (a square) or [height, width].
    private (int Height, int Width)? Pair(MappingNode map, string key, string section)
    {
        var node = Reading.Value(map, key);
        if (node is null)
        {
            return null;
        }

        if (node is ScalarNode s && ScalarTypes.TryInteger(s, out var side) && side is >= 1 and <= 65_536)
        {
            return ((int)side, (int)side);
        }

        if (node is SequenceNode { Items.Count: 2 } seq
            && seq.Items[0] is ScalarNode h && ScalarTypes.TryInteger(h, out var height) && height is >= 1 and <= 65_536
            && seq.Items[1] is ScalarNode w && ScalarTypes.TryInteger(w, out var width) && width is >= 1 and <= 65_536)
        {
            return ((int)height, (int)width);
        }

        _read.Error(node.Location, $"{section}.{key} must be a whole number of pixels or [height, width] (1 to 65536), got {node.Describe()}");
        return null;
    }

    private List<double>? PerChannel(MappingNode entry, string key, int channels, ImageColour colour, bool positive)
    {
        var values = _read.NumberList(entry, key);
        if (values is null)
        {
            return null;
        }

        var name = colour.ToString().ToLowerInvariant();
        if (values.Count != channels)
        {
            _read.Error(entry[key]!.Location, $"'{key}' must give one value per channel: {channels} for colour {name}, got {values.Count}");
            return null;
        }

        if (values.Any(v => !double.IsFinite(v) || (positive && v <= 0)))
        {
            _read.Error(entry[key]!.Location, positive ? $"'{key}' values must be positive numbers" : $"'{key}' values must be finite numbers");
            return null;
        }

        return [.. values];
    }

    private List<TextInputConfig> BindText(MappingNode data)
    {
        var texts = new List<TextInputConfig>();
        foreach (var (key, entry, section) in Entries(data, "text", TextKeys))
        {
            var column = EntryColumn(entry, section, key, "the holdout column holding each row's text");

            var tokenizer = Tokenizer(entry, section);
            var tiktoken = tokenizer == TextTokenizerKind.Tiktoken;
            var bpe = tokenizer == TextTokenizerKind.Bpe;
            var sentencePiece = tokenizer == TextTokenizerKind.SentencePiece;
            var vocabulary = tiktoken ? null : Vocabulary(entry, section, tokenizer);
            var merges = bpe ? TokenFile(entry, section, "merges", "the model's BPE merges.txt", "the model's merges.txt (one merge a line)") : null;
            var encoding = tiktoken ? Encoding(entry, section) : null;
            if (!bpe && entry["merges"] is { } mergesNode)
            {
                _read.Error(mergesNode.Location, $"{section}.merges is for tokenizer: bpe");
            }

            if (tokenizer is not (null or TextTokenizerKind.WordPiece) && entry["uncased"] is { } uncasedNode)
            {
                _read.Error(uncasedNode.Location, $"{section}.uncased is for tokenizer: wordpiece; the other tokenizers keep the text's case (a SentencePiece model normalises as it was trained)");
            }

            bool? addBos = null, addEos = null;
            foreach (var flag in new[] { "add_bos", "add_eos" })
            {
                if (!sentencePiece && tokenizer is not null && entry[flag] is { } flagNode)
                {
                    _read.Error(flagNode.Location, $"{section}.{flag} is for tokenizer: sentencepiece; wordpiece frames with [CLS] and [SEP], tiktoken and bpe add no special tokens");
                }
            }

            if (sentencePiece)
            {
                addBos = _read.Boolean(entry, "add_bos");
                addEos = _read.Boolean(entry, "add_eos");
            }

            var (shortest, framing) = tokenizer switch
            {
                TextTokenizerKind.WordPiece or null => (3, " (with [CLS] and [SEP])"),
                TextTokenizerKind.SentencePiece => (1 + ((addBos ?? true) ? 1 : 0) + ((addEos ?? false) ? 1 : 0), " (with the <s> and </s> asked for)"),
                _ => (1, ""),
            };
            var maxLength = _read.Integer(entry, "max_length", shortest, $"a whole number of tokens from {shortest}{framing}, as the model was trained with");
            if (maxLength > 65_536)
            {
                _read.Error(entry["max_length"]!.Location, "'max_length' must be at most 65536 tokens");
            }

            var maxChars = _read.Integer(entry, "max_chars", 1, "a whole number of characters, at least 1");
            var named = _read.Map(Reading.Value(entry, "inputs"), "inputs");
            string? ids = "input_ids", mask = "attention_mask", types = "token_type_ids";
            if (named is not null)
            {
                _read.Keys(named, $"{section}.inputs", TextInputKeys);
                ids = _read.Text(named, "ids") ?? "input_ids";
                mask = _read.Text(named, "mask");
                types = _read.Text(named, "types");
            }

            if (column is null || tokenizer is null || (vocabulary ?? encoding) is null || (bpe && merges is null))
            {
                continue;
            }

            texts.Add(new TextInputConfig(key, column, vocabulary)
            {
                Tokenizer = tokenizer.Value,
                Encoding = encoding,
                Merges = merges,
                Uncased = tokenizer != TextTokenizerKind.WordPiece || (_read.Boolean(entry, "uncased") ?? true),
                AddBos = addBos ?? true,
                AddEos = addEos ?? false,
                MaxLength = (int)Math.Min(maxLength ?? 128, 65_536),
                Overflow = _read.Choice(entry, "overflow", Overflows) ?? TextOverflowRule.Truncate,
                MaxChars = maxChars is null ? null : (int)Math.Min(maxChars.Value, int.MaxValue),
                IdsInput = ids,
                MaskInput = mask,
                TypesInput = types,
                InputsNamed = named is not null,
            });
        }

        return texts;
    }

    // null when the tokenizer is not one ModelGate has (reported).
    private TextTokenizerKind? Tokenizer(MappingNode entry, string section)
    {
        var tokenizer = _read.Text(entry, "tokenizer");
        if (tokenizer is null)
        {
            return TextTokenizerKind.WordPiece;
        }

        foreach (var (name, kind) in Tokenizers)
        {
            if (string.Equals(name, tokenizer, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        var at = entry["tokenizer"]!.Location;
        var names = Tokenizers.Select(t => t.Item1).ToArray();
        if (OtherTokenizers.Contains(tokenizer, StringComparer.Ordinal))
        {
            _read.Error(at, $"{section}.tokenizer '{tokenizer}' is not supported yet (a Hugging Face tokenizer.json is not read); ModelGate tokenizes with {TokenizerList}, and a SentencePiece unigram model is tokenizer: sentencepiece: set one of those, or score the model yourself and pass --scores");
        }
        else
        {
            _read.Error(at, $"unknown {section}.tokenizer '{tokenizer}'{Suggestions.DidYouMean(tokenizer, names)}; the tokenizers ModelGate knows are {TokenizerList}");
        }

        return null;
    }

    // tokenizer: tiktoken takes encoding: and no vocabulary.
    private string? Encoding(MappingNode entry, string section)
    {
        if (entry["vocabulary"] is { } vocabulary)
        {
            _read.Error(vocabulary.Location, $"{section}.vocabulary is for tokenizer: wordpiece, bpe or sentencepiece; tiktoken takes encoding: ({string.Join(", ", TiktokenEncodings)})");
        }

        var encoding = _read.RequiredText(entry, "encoding", section, $"the tiktoken encoding the model was trained with: {string.Join(", ", TiktokenEncodings)}");
        if (encoding is null || TiktokenEncodings.Contains(encoding, StringComparer.Ordinal))
        {
            return encoding;
        }

        _read.Error(entry["encoding"]!.Location, $"unknown {section}.encoding '{encoding}'; ModelGate ships the tiktoken encodings {string.Join(" and ", TiktokenEncodings)}{Suggestions.DidYouMean(encoding, TiktokenEncodings)}");
        return null;
    }

    private string? Vocabulary(MappingNode entry, string section, TextTokenizerKind? tokenizer)
    {
        if (entry["encoding"] is { } encoding)
        {
            _read.Error(encoding.Location, $"{section}.encoding is for tokenizer: tiktoken; a wordpiece, bpe or sentencepiece tokenizer takes vocabulary: (a vocab.txt, vocab.json or .model file)");
        }

        return tokenizer switch
        {
            TextTokenizerKind.Bpe => TokenFile(entry, section, "vocabulary", "the model's BPE vocab.json", "the model's vocab.json (token to id)"),
            TextTokenizerKind.SentencePiece => TokenFile(entry, section, "vocabulary", "the model's SentencePiece .model file", "the model's SentencePiece .model file (tokenizer.model, spiece.model)"),
            _ => TokenFile(entry, section, "vocabulary", "the model's WordPiece vocab.txt", "the model's vocab.txt (one token a line)"),
        };
    }

    // A required token file (vocabulary, merges) relative to the policy, which must exist; null when not (reported).
    private string? TokenFile(MappingNode entry, string section, string key, string what, string pointAt)
    {
        if (_read.RequiredText(entry, key, section, $"{what}, relative to this policy file") is null)
        {
            return null;
        }

        var node = (ScalarNode)entry[key]!;
        var path = _paths.Resolve(node, out var problem);
        if (problem is not null)
        {
            _read.Error(node.Location, $"{section}.{key}: {problem}");
            return null;
        }

        if (!File.Exists(path))
        {
            _read.Error(node.Location, $"{section}.{key}: the file {ConsoleText.Preview(node.Value, 80)} does not exist; point it at {pointAt}, relative to this policy file");
            return null;
        }

        return path;
    }
}
