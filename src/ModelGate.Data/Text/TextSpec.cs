namespace ModelGate.Data.Text;

/// <summary>What to do with a text longer than the model's sequence.</summary>
internal enum TextOverflow
{
    /// <summary>Keep the first tokens; the report counts the rows cut.</summary>
    Truncate,

    /// <summary>A row that does not fit is an error naming it.</summary>
    Refuse,
}

/// <summary>Which tokenizer turns a text into ids.</summary>
internal enum TextTokenizer
{
    /// <summary>WordPiece (BERT) from a vocab.txt; sequences are [CLS] tokens [SEP], padded with [PAD].</summary>
    WordPiece,

    /// <summary>OpenAI's byte-level BPE from a named encoding (<see cref="TextSpec.Encoding"/>); no special tokens, padded with id 0 under mask 0.</summary>
    Tiktoken,

    /// <summary>GPT-2-style byte-level BPE from a vocab.json and a merges.txt (<see cref="TextSpec.Merges"/>); framed as tiktoken.</summary>
    Bpe,

    /// <summary>
    /// A SentencePiece model file (<c>.model</c>: BPE, as Llama and Mistral, or unigram, as T5, ALBERT and XLM-R; its own
    /// normalisation); the model's &lt;s&gt; first when <see cref="TextSpec.AddBos"/>, &lt;/s&gt; last when
    /// <see cref="TextSpec.AddEos"/>, padded with the model's pad id (0 when it has none) under mask 0.
    /// </summary>
    SentencePiece,
}

/// <summary>
/// How one text column becomes a model's token inputs: a WordPiece (BERT) vocabulary, a tiktoken encoding, a GPT-2-style
/// BPE or a SentencePiece model, the sequence length, what happens to a longer text, and which model inputs receive the
/// ids, the attention mask and the token types (each in the integer type the model declares). A WordPiece sequence is
/// [CLS] tokens [SEP], padded with [PAD]; a tiktoken or BPE sequence is the tokens alone, padded with id 0 (mask 0); a
/// SentencePiece sequence is [&lt;s&gt;] tokens [&lt;/s&gt;], padded with the model's pad id; all to <see cref="MaxLength"/>,
/// so every batch has one shape.
/// </summary>
internal sealed record TextSpec
{
    /// <summary>The holdout column holding each row's text.</summary>
    public required string Column { get; init; }

    public TextTokenizer Tokenizer { get; init; } = TextTokenizer.WordPiece;

    /// <summary>The WordPiece vocab.txt (one token a line, the line number is the id), the BPE vocab.json (token to id) or the SentencePiece model file, already resolved; null for tiktoken.</summary>
    public string? Vocabulary { get; init; }

    /// <summary>The BPE merges.txt (one merge a line, by rank), already resolved; null otherwise.</summary>
    public string? Merges { get; init; }

    /// <summary>The tiktoken encoding (one of <see cref="TiktokenEncodings"/>); null for WordPiece.</summary>
    public string? Encoding { get; init; }

    /// <summary>SentencePiece: put the model's &lt;s&gt; first (as Llama and Mistral were trained).</summary>
    public bool AddBos { get; init; } = true;

    /// <summary>SentencePiece: put the model's &lt;/s&gt; last (as T5 was trained).</summary>
    public bool AddEos { get; init; }

    /// <summary>Lower-case and strip accents first (an "uncased" model).</summary>
    public bool Uncased { get; init; } = true;

    /// <summary>Tokens per sequence, [CLS] and [SEP] included for WordPiece, &lt;s&gt; and &lt;/s&gt; for SentencePiece.</summary>
    public int MaxLength { get; init; } = 128;

    public TextOverflow Overflow { get; init; } = TextOverflow.Truncate;

    /// <summary>The model input that receives the token ids.</summary>
    public string IdsInput { get; init; } = "input_ids";

    /// <summary>The model input that receives the attention mask, when the model has one.</summary>
    public string? MaskInput { get; init; } = "attention_mask";

    /// <summary>The model input that receives the token types (all 0: one segment), when the model has one.</summary>
    public string? TypesInput { get; init; } = "token_type_ids";

    /// <summary>A cell longer than this many characters is refused before it is tokenized.</summary>
    public int MaxChars { get; init; } = DefaultMaxChars;

    /// <summary>A vocabulary file larger than this is refused.</summary>
    public const long MaxVocabularyBytes = 64L * 1024 * 1024;

    /// <summary>1 MiB of characters per cell.</summary>
    public const int DefaultMaxChars = 1 << 20;

    /// <summary>The tiktoken encodings whose vocabularies ship with ModelGate (the Microsoft.ML.Tokenizers.Data packages).</summary>
    public static readonly IReadOnlyList<string> TiktokenEncodings = ["cl100k_base", "o200k_base"];

    /// <summary>The longest sequence a policy may ask for.</summary>
    public const int LongestSequence = 65_536;
}
