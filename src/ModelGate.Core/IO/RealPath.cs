namespace ModelGate.Core.IO;

/// <summary>
/// A path with every symlink along it followed, and the containment test built on it: the one rule for "this file
/// must stay inside that folder" (a policy's files inside the repository, a holdout's images inside its folder).
/// </summary>
internal static class RealPath
{
    private const int MaxLinkHops = 40;

    /// <summary>The path with every symlink along it followed (a missing tail is kept as written).</summary>
    /// <exception cref="IOException">a symlink loop (more than 40 hops).</exception>
    public static string Of(string path)
    {
        var hops = 0;
        return Of(Path.GetFullPath(path), ref hops);
    }

    /// <summary>True when <paramref name="realPath"/> is <paramref name="realFolder"/> or inside it (both already real).</summary>
    public static bool IsInside(string realPath, string realFolder)
    {
        var folder = realFolder.EndsWith(Path.DirectorySeparatorChar) ? realFolder : realFolder + Path.DirectorySeparatorChar;
        return realPath == realFolder.TrimEnd(Path.DirectorySeparatorChar) || realPath.StartsWith(folder, StringComparison.Ordinal);
    }

    private static string Of(string full, ref int hops)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var target = new FileInfo(current).LinkTarget;
            if (target is null)
            {
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                throw new IOException("too many levels of symbolic links");
            }

            current = Of(Path.GetFullPath(target, Path.GetDirectoryName(current) ?? root), ref hops);
        }

        return current;
    }
}
