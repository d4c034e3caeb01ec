using ModelGate.Core.IO;
using ModelGate.Core.Text;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Binding;

/// <summary>
/// Resolves the paths a policy names (models, data, rows files, <c>extends:</c>) and keeps them inside the
/// repository: a pull request writes the policy, so <c>/proc/self/environ</c>, <c>../../secrets</c> or a symlink to
/// either must not be read. Symlinks are followed before the check.
/// </summary>
internal sealed class PolicyPaths
{
    private readonly bool _allowOutside;

    public PolicyPaths(string policyPath, PolicyLoadOptions options)
    {
        _allowOutside = options.AllowOutsideRoot;
        Root = Real(options.Root ?? FindRoot(Path.GetDirectoryName(Path.GetFullPath(policyPath)) ?? Directory.GetCurrentDirectory()));
    }

    /// <summary>The real path of the repository root.</summary>
    public string Root { get; }

    /// <summary>The folder holding a <c>.git</c> entry at or above <paramref name="folder"/>, else the folder itself.</summary>
    public static string FindRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return folder;
    }

    /// <summary>The path written in <paramref name="node"/>, absolute against its file's folder; null with <paramref name="problem"/> set when it may not be used.</summary>
    public string Resolve(ScalarNode node, out string? problem)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(node.Location.File)) ?? Directory.GetCurrentDirectory();
        var path = Path.GetFullPath(Path.Combine(folder, node.Value));
        problem = _allowOutside ? null : Check(node.Value, path);
        return path;
    }

    /// <summary>The path with every symlink along it followed (a missing tail is kept as written).</summary>
    public static string Real(string path) => RealPath.Of(path);

    private string? Check(string written, string path)
    {
        var shown = ConsoleText.Preview(written, 80);
        if (Path.IsPathRooted(written))
        {
            return $"the path {shown} is absolute; write it relative to the policy file's folder (files must be inside the repository {Root}), or pass --allow-outside-root if this policy is trusted";
        }

        string real;
        try
        {
            real = Real(path);
        }
        catch (IOException)
        {
            return $"the path {shown} is a symlink loop; point it at a file inside the repository";
        }

        if (RealPath.IsInside(real, Root))
        {
            return null;
        }

        var how = real == path ? "leaves" : "is a symlink that leads out of";
        return $"the path {shown} {how} the repository {Root}; keep the files a policy names inside the repository, or pass --allow-outside-root (or --root) if this policy is trusted";
    }
}
