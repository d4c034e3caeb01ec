using System.Runtime.CompilerServices;
using System.Text;

namespace ModelGate.Data.Reading;

/// <summary>Recognises the field values that mean "missing", comparing UTF-8 bytes without allocating.</summary>
internal sealed class MissingTokens
{
    private readonly byte[][] tokens;
    private readonly bool empty;
    private readonly int longest;

    public MissingTokens(IReadOnlyList<string> tokens)
    {
        this.tokens = tokens.Where(t => t.Length > 0).Select(t => Encoding.UTF8.GetBytes(t)).ToArray();
        empty = tokens.Any(t => t.Length == 0);
        longest = this.tokens.Length == 0 ? 0 : this.tokens.Max(t => t.Length);
    }

    /// <summary>Whether the value is one of the tokens.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool IsMissing(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return empty;
        }

        if (value.Length > longest)
        {
            return false;
        }

        foreach (var token in tokens)
        {
            if (value.SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }
}
