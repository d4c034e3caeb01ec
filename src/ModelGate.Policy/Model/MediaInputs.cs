namespace ModelGate.Policy.Model;

/// <summary>How decoded pixels are ordered into channels (<c>colour</c>).</summary>
internal enum ImageColour
{
    /// <summary>Red, green, blue.</summary>
    Rgb,

    /// <summary>Blue, green, red (OpenCV-trained models).</summary>
    Bgr,

    /// <summary>One luma channel.</summary>
    Grayscale,
}

/// <summary>Where the channel axis goes (<c>layout</c>).</summary>
internal enum ImageAxes
{
    /// <summary>[N, C, H, W].</summary>
    Nchw,

    /// <summary>[N, H, W, C].</summary>
    Nhwc,
}

/// <summary>What happens to a text longer than <c>max_length</c> (<c>overflow</c>).</summary>
internal enum TextOverflowRule
{
    /// <summary>Keep the first tokens and count the row in the report.</summary>
    Truncate,

    /// <summary>Stop with an error naming the row.</summary>
    Refuse,
}

/// <summary>
/// <c>data.images.&lt;input&gt;</c>: the model input fed with the image each row's <see cref="Column"/> names (a path relative
/// to the holdout file), and how it is preprocessed. Null members take the preprocessing's defaults.
/// </summary>
/// <param name="Input">The model input's name.</param>
/// <param name="Column">The holdout column holding the image paths.</param>
internal sealed record ImageInputConfig(string Input, string Column)
{
    public ImageColour Colour { get; init; } = ImageColour.Rgb;

    /// <summary><c>resize.shorter_side</c>.</summary>
    public int? ShorterSide { get; init; }

    /// <summary><c>resize.size</c>: exact height and width.</summary>
    public (int Height, int Width)? Size { get; init; }

    public bool Antialias { get; init; } = true;

    /// <summary><c>crop</c>: centre crop height and width.</summary>
    public (int Height, int Width)? Crop { get; init; }

    public double Scale { get; init; } = 255;

    public IReadOnlyList<double>? Mean { get; init; }

    public IReadOnlyList<double>? Std { get; init; }

    public ImageAxes Layout { get; init; } = ImageAxes.Nchw;

    /// <summary><c>dtype</c>: the element type the policy expects the model to declare (float32, float64, float16); null = whatever it declares.</summary>
    public string? Dtype { get; init; }

    public long? MaxPixels { get; init; }

    public long? MaxFileBytes { get; init; }
}

/// <summary>Which tokenizer a text input uses (<c>tokenizer</c>).</summary>
internal enum TextTokenizerKind
{
    /// <summary>WordPiece (BERT) from a vocab.txt.</summary>
    WordPiece,

    /// <summary>OpenAI's tiktoken byte-level BPE from a named encoding.</summary>
    Tiktoken,

    /// <summary>GPT-2-style byte-level BPE from a vocab.json and a merges.txt.</summary>
    Bpe,

    /// <summary>A SentencePiece model file (BPE or unigram).</summary>
    SentencePiece,
}

/// <summary>
/// <c>data.text.&lt;name&gt;</c>: a text column tokenized with a WordPiece vocabulary, a tiktoken encoding, a GPT-2-style BPE or a SentencePiece model into the model inputs that take the
/// token ids, the attention mask and the token types. Null members take the encoder's defaults.
/// </summary>
/// <param name="Name">The entry's name (in messages).</param>
/// <param name="Column">The holdout column holding the texts.</param>
/// <param name="Vocabulary">The absolute path of the vocab.txt (WordPiece), vocab.json (BPE) or .model file (SentencePiece); null for tiktoken.</param>
internal sealed record TextInputConfig(string Name, string Column, string? Vocabulary)
{
    public TextTokenizerKind Tokenizer { get; init; } = TextTokenizerKind.WordPiece;

    /// <summary>The tiktoken encoding (cl100k_base, o200k_base); null for WordPiece.</summary>
    public string? Encoding { get; init; }

    /// <summary>The absolute path of the BPE merges.txt; null otherwise.</summary>
    public string? Merges { get; init; }

    /// <summary>WordPiece only (true otherwise): lower-case and strip accents first.</summary>
    public bool Uncased { get; init; } = true;

    /// <summary>SentencePiece only: the model's &lt;s&gt; first.</summary>
    public bool AddBos { get; init; } = true;

    /// <summary>SentencePiece only: the model's &lt;/s&gt; last.</summary>
    public bool AddEos { get; init; }

    public int MaxLength { get; init; } = 128;

    public TextOverflowRule Overflow { get; init; } = TextOverflowRule.Truncate;

    public int? MaxChars { get; init; }

    /// <summary>The model input taking the ids.</summary>
    public string IdsInput { get; init; } = "input_ids";

    /// <summary>The model input taking the attention mask; null when the model has none.</summary>
    public string? MaskInput { get; init; } = "attention_mask";

    /// <summary>The model input taking the token types; null when the model has none.</summary>
    public string? TypesInput { get; init; } = "token_type_ids";

    /// <summary>True when the policy named the inputs (<c>inputs:</c>); otherwise a default mask or types input the model lacks is left out.</summary>
    public bool InputsNamed { get; init; }
}
