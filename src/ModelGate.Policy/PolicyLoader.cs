using ModelGate.Core.Limits;
using ModelGate.Core.Plan;
using ModelGate.Policy.Binding;
using ModelGate.Policy.Diagnostics;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy;

/// <summary>Loads <c>modelgate.yml</c>: YAML, <c>extends:</c> chain, validation; reports every problem at once.</summary>
internal static class PolicyLoader
{
    /// <summary>Loads and validates the policy at <paramref name="path"/>; <paramref name="today"/> decides which waivers have expired.</summary>
    /// <param name="path">The policy file; diagnostics name it as given here.</param>
    /// <param name="today">The date waivers are judged on (injected so results are reproducible).</param>
    public static PolicyLoadResult Load(string path, DateOnly today) => Load(path, today, PolicyLoadOptions.Default);

    /// <summary>Loads and validates the policy at <paramref name="path"/> with explicit root and limits.</summary>
    /// <param name="path">The policy file; diagnostics name it as given here.</param>
    /// <param name="today">The date waivers are judged on (injected so results are reproducible).</param>
    /// <param name="options">Where the policy's files may be, and the limits.</param>
    /// <exception cref="Core.Limits.LimitExceededException">A rows file is larger than its limit.</exception>
    public static PolicyLoadResult Load(string path, DateOnly today, PolicyLoadOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var diagnostics = new List<PolicyDiagnostic>();
        var sources = new List<string>();
        var paths = new PolicyPaths(path, options);
        var root = LoadChain(path, null, [], sources, diagnostics, paths, options);
        Model.GatePolicy? policy = null;
        if (root is not null && !diagnostics.Any(d => d.IsError))
        {
            policy = PolicyBinder.Bind(root, path, sources, today, diagnostics, paths, options);
        }

        var ordered = diagnostics
            .OrderBy(d => sources.IndexOf(d.Location.File) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(d => d.Location.Line)
            .ThenBy(d => d.Location.Column)
            .ToList();
        return new PolicyLoadResult(diagnostics.Any(d => d.IsError) ? null : policy, ordered);
    }

    private static MappingNode? LoadChain(string displayPath, ScalarNode? extendedFrom, List<string> chain, List<string> sources, List<PolicyDiagnostic> diagnostics, PolicyPaths paths, PolicyLoadOptions options)
    {
        var full = Path.GetFullPath(displayPath);
        if (chain.Contains(full, StringComparer.Ordinal))
        {
            var cycle = string.Join(" -> ", chain.Append(full).Select(Path.GetFileName));
            diagnostics.Add(new PolicyDiagnostic(extendedFrom!.Location, DiagnosticLevel.Error, $"extends cycle: {cycle}; a policy cannot extend itself, directly or through others; remove one 'extends'"));
            return null;
        }

        if (!File.Exists(full))
        {
            var at = extendedFrom?.Location ?? new SourceLocation(displayPath, 1, 1);
            var message = extendedFrom is null
                ? $"policy file not found (looked for {full}); pass the path of modelgate.yml"
                : $"extends: base policy '{extendedFrom.Value}' not found (looked for {full}); the path is relative to the extending file's folder";
            diagnostics.Add(new PolicyDiagnostic(at, DiagnosticLevel.Error, message));
            return null;
        }

        var text = BoundedText.TryRead(full, options.Limits.PolicyBytes);
        if (text is null)
        {
            var at = extendedFrom?.Location ?? new SourceLocation(displayPath, 1, 1);
            diagnostics.Add(new PolicyDiagnostic(at, DiagnosticLevel.Error,
                $"the policy file is larger than {ResourceLimits.Format(options.Limits.PolicyBytes, true)} (policy_bytes); {LimitExceededException.HowToRaise("policy_bytes")}"));
            return null;
        }

        var node = PolicyYamlReader.Parse(text, displayPath, diagnostics, options.Limits);
        if (node is null)
        {
            return null;
        }

        if (node is not MappingNode map)
        {
            diagnostics.Add(new PolicyDiagnostic(node.Location, DiagnosticLevel.Error, $"a policy must be a mapping of keys (version, task, models, data, checks, ...), got {node.Describe()}"));
            return null;
        }

        CheckVersion(map, displayPath, diagnostics);
        var extends = map["extends"];
        map = new MappingNode(map.Location, [.. map.Entries.Where(e => e.Key.Value != "extends")]);
        if (extends is null || extends is ScalarNode { IsNull: true })
        {
            sources.Add(displayPath);
            return map;
        }

        if (extends is not ScalarNode baseNode)
        {
            diagnostics.Add(new PolicyDiagnostic(extends.Location, DiagnosticLevel.Error, $"'extends' must be the relative path of one base policy, got {extends.Describe()}"));
            return null;
        }

        var baseFull = paths.Resolve(baseNode, out var outside);
        if (outside is not null)
        {
            diagnostics.Add(new PolicyDiagnostic(baseNode.Location, DiagnosticLevel.Error, "extends: " + outside));
            return null;
        }

        var baseDisplay = Path.IsPathRooted(displayPath) ? baseFull : Path.GetRelativePath(Directory.GetCurrentDirectory(), baseFull);
        var parent = LoadChain(baseDisplay, baseNode, [.. chain, full], sources, diagnostics, paths, options);
        sources.Add(displayPath);
        return parent is null ? null : PolicyMerge.Merge(parent, map);
    }

    private static void CheckVersion(MappingNode map, string file, List<PolicyDiagnostic> diagnostics)
    {
        var version = map["version"];
        if (version is null)
        {
            diagnostics.Add(new PolicyDiagnostic(new SourceLocation(file, map.Location.Line, map.Location.Column), DiagnosticLevel.Error, "the policy needs 'version: 1' (the policy format version) as its first key"));
        }
        else if (version is not ScalarNode { Quoted: false, Value: "1" })
        {
            var got = version is ScalarNode s ? $"'{s.Value}'" : version.Describe();
            diagnostics.Add(new PolicyDiagnostic(version.Location, DiagnosticLevel.Error, $"'version' must be 1 (the only policy format so far), got {got}"));
        }
    }
}
