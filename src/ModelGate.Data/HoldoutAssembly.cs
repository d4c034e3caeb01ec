namespace ModelGate.Data;

/// <summary>Assembles a <see cref="Holdout"/> from chunks a caller streamed itself (e.g. to score them while reading).</summary>
internal static class HoldoutAssembly
{
    /// <summary>
    /// Joins every chunk read from <paramref name="reader"/>, in order, into the same <see cref="Holdout"/>
    /// <see cref="HoldoutReader.Read"/> returns. The reader must be finished (its SHA-256 is known only then).
    /// </summary>
    public static Holdout ToHoldout(this HoldoutChunkReader reader, IReadOnlyList<HoldoutChunk> chunks)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(chunks);
        if (!reader.IsFinished)
        {
            throw new InvalidOperationException("A holdout is assembled once every chunk has been read.");
        }

        return Holdout.FromChunks(reader, chunks);
    }
}
