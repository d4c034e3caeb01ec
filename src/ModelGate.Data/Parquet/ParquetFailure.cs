namespace ModelGate.Data.Parquet;

/// <summary>Turns whatever the Parquet library throws on a damaged or unsupported file into a one-line <see cref="HoldoutException"/>.</summary>
internal static class ParquetFailure
{
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
            var reason = e.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
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
