namespace ModelGate.Data.Parquet;

/// <summary>Turns whatever the Parquet library throws on a damaged or unsupported file into a one-line <see cref="HoldoutException"/>.</summary>
internal static class ParquetFailure
{
    /// <summary>The most characters of the Parquet library's own message that an error quotes.</summary>
    private const int MaxReason = 200;

    /// <summary>Runs <paramref name="read"/>; a failure names the file, and the row group and column when given.</summary>
    public static T Guard<T>(string file, int? rowGroup, string? column, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is not (HoldoutException or OutOfMemoryException or OperationCanceledException))
        {
            var where = rowGroup is { } g ? FormattableString.Invariant($"row group {g + 1}: ") : string.Empty;
            // The library's message may quote the file's own metadata: keep it to one short line.
            var reason = e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
            reason = reason.Length <= MaxReason ? reason : reason[..MaxReason] + "…";
            throw new HoldoutException(
                file,
                null,
                column,
                null,
                where + "not a readable Parquet file (" + (reason.Length == 0 ? e.GetType().Name : reason) + ")",
                "write the file again (a truncated or partly copied file cannot be read), or convert it to CSV",
                e);
        }
    }
}
