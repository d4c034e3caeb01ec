using System.Text;

namespace ModelGate.Reports.Files;

/// <summary>
/// Writes reports atomically: each file goes to a temporary file in the same folder and is then renamed over the
/// target, so a killed run never leaves a half-written report that looks whole.
/// </summary>
internal static class ReportWriter
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes every file it can; a failure on one does not stop the others.</summary>
    public static ReportWriteOutcome WriteAll(IEnumerable<ReportFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var written = new List<string>();
        var failures = new List<ReportWriteException>();
        foreach (var file in files)
        {
            try
            {
                Write(file.Path, file.Content);
                written.Add(file.Path);
            }
            catch (ReportWriteException e)
            {
                failures.Add(e);
            }
        }

        return new ReportWriteOutcome(written, failures);
    }

    /// <summary>Writes one file atomically, creating its folder; throws <see cref="ReportWriteException"/> naming the path and the fix.</summary>
    public static void Write(string path, string content)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(content);
        var full = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(full) ?? ".";
        if (Directory.Exists(full))
        {
            throw new ReportWriteException(path, "a folder with that name exists", "choose a file name for the report, not a folder");
        }

        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportWriteException(path, $"the folder {folder} cannot be created ({e.Message})", "point the report option at a writable folder, or create it with write permission", e);
        }

        var temp = System.IO.Path.Combine(folder, "." + System.IO.Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = Utf8.GetBytes(content);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new ReportWriteException(path, e.Message, $"make {folder} writable (or choose another output folder) and run again", e);
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // Best effort: the temporary name starts with a dot and ends in .tmp, so it is never mistaken for a report.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
