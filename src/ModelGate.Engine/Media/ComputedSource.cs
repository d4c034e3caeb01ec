using ModelGate.Data.Images;
using ModelGate.Data.Text;

namespace ModelGate.Engine.Media;

/// <summary>Where a computed model input's values come from: an image per row, or one part of a text's encoding.</summary>
internal abstract record ComputedSource(string Column)
{
    /// <summary>The policy entry that declares it, for messages (<c>data.images.image</c>).</summary>
    public abstract string PolicyKey { get; }
}

/// <summary>An image per row, preprocessed as <see cref="Spec"/> says.</summary>
internal sealed record ImageSource(string Input, ImageSpec Spec) : ComputedSource(Spec.Column)
{
    public override string PolicyKey => $"data.images.{Input}";
}

/// <summary>The three rows a text encodes into.</summary>
internal enum TextPart
{
    /// <summary>Token ids: [CLS] tokens [SEP] [PAD]…</summary>
    Ids,

    /// <summary>1 for real tokens, 0 for padding.</summary>
    Mask,

    /// <summary>All 0 (one segment).</summary>
    Types,
}

/// <summary>One part of a text column's WordPiece encoding; the parts of one column share <see cref="Text"/>, so the text is encoded once.</summary>
internal sealed record TextSource(TextColumnEncoding Text, TextPart Part) : ComputedSource(Text.Spec.Column)
{
    public override string PolicyKey => $"data.text.{Text.Name}";
}

/// <summary>
/// A text column's encoder, opened once per run, and how many rows it cut to fit max_length. Shared by the
/// model inputs its ids, mask and types feed, and by both models when they read the same inputs.
/// </summary>
internal sealed class TextColumnEncoding(string name, TextSpec spec, TextEncoder encoder)
{
    private long rows;
    private long truncated;

    /// <summary>The policy's name for it (<c>data.text.&lt;name&gt;</c>).</summary>
    public string Name { get; } = name;

    public TextSpec Spec { get; } = spec;

    public TextEncoder Encoder { get; } = encoder;

    /// <summary>True when the policy named the inputs, so every one it names must exist.</summary>
    public bool InputsNamed { get; init; }

    /// <summary>Rows encoded so far.</summary>
    public long Rows => Interlocked.Read(ref rows);

    /// <summary>Rows longer than max_length, cut so far.</summary>
    public long Truncated => Interlocked.Read(ref truncated);

    /// <summary>Counts one chunk's rows.</summary>
    public void Count(long encoded, long cut)
    {
        Interlocked.Add(ref rows, encoded);
        Interlocked.Add(ref truncated, cut);
    }

    /// <summary>Starts counting again (the train sample is encoded after the holdout).</summary>
    public void Reset()
    {
        Interlocked.Exchange(ref rows, 0);
        Interlocked.Exchange(ref truncated, 0);
    }
}
