using System.Globalization;
using System.Text;

namespace ModelGate.Data.Scores;

/// <summary>
/// One of <see cref="Count"/> disjoint parts of a holdout, chosen by row id: a row belongs to shard
/// <c>FNV-1a-64(UTF-8 bytes of the row id) mod Count</c> (0-based; shown 1-based as <c>i/N</c>). The hash depends only
/// on the id's text, so any engine (Spark, Ray, a CI matrix) can split the same way, and the split does not change when
/// rows are reordered. Without a row id column, the id is the 1-based data row number as text ("1", "2", …).
/// </summary>
/// <param name="Index">1-based shard number.</param>
/// <param name="Count">How many shards the holdout is split into.</param>
internal sealed record Shard(int Index, int Count)
{
    /// <summary>The most shards a holdout may be split into.</summary>
    public const int MaxCount = 100_000;

    /// <summary>The whole holdout as one shard.</summary>
    public static Shard All { get; } = new(1, 1);

    /// <summary>Parses <c>i/N</c> (1 ≤ i ≤ N); null with the reason when it is not one.</summary>
    public static Shard? TryParse(string text, out string problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = string.Empty;
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count is >= 1 and <= MaxCount && index >= 1 && index <= count)
        {
            return new Shard(index, count);
        }

        problem = $"'{text}' is not a shard: write i/N with 1 ≤ i ≤ N ≤ {MaxCount.ToString("N0", CultureInfo.InvariantCulture)} (e.g. 2/4)";
        return null;
    }

    /// <summary>True when the row with this id belongs to this shard.</summary>
    public bool Contains(string rowId) => Count == 1 || (int)(Hash(rowId) % (ulong)Count) == Index - 1;

    /// <summary>FNV-1a, 64 bits, over the UTF-8 bytes of <paramref name="rowId"/>.</summary>
    public static ulong Hash(string rowId)
    {
        ArgumentNullException.ThrowIfNull(rowId);
        const ulong Offset = 14695981039346656037UL;
        const ulong Prime = 1099511628211UL;
        Span<byte> small = stackalloc byte[256];
        var max = Encoding.UTF8.GetMaxByteCount(rowId.Length);
        var bytes = max <= small.Length ? small : new byte[max];
        var length = Encoding.UTF8.GetBytes(rowId, bytes);
        var hash = Offset;
        foreach (var b in bytes[..length])
        {
            hash = (hash ^ b) * Prime;
        }

        return hash;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
