using ModelGate.Core.Plan;

namespace ModelGate.Policy.Yaml;

/// <summary>
/// A YAML node that remembers the file, line and column it came from. Nodes from a base policy keep the
/// base file's location after <c>extends:</c> merging, so errors and relative paths point at the right file.
/// </summary>
internal abstract record PolicyNode(SourceLocation Location)
{
    /// <summary>The YAML kind in the words an error message uses: "a mapping", "a list", "a number"...</summary>
    public abstract string Describe();
}

/// <summary>A scalar: its text, whether it was quoted (quoted text is always a string), and its YAML core-schema type.</summary>
internal sealed record ScalarNode(SourceLocation Location, string Value, bool Quoted, bool Block) : PolicyNode(Location)
{
    /// <summary>True for a plain null (<c>~</c>, <c>null</c>, or nothing).</summary>
    public bool IsNull => !Quoted && !Block && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <inheritdoc/>
    public override string Describe() => ScalarTypes.Describe(this);
}

/// <summary>A list.</summary>
internal sealed record SequenceNode(SourceLocation Location, IReadOnlyList<PolicyNode> Items) : PolicyNode(Location)
{
    /// <inheritdoc/>
    public override string Describe() => "a list";
}

/// <summary>A mapping, keys in file order.</summary>
internal sealed record MappingNode(SourceLocation Location, IReadOnlyList<KeyValuePair<ScalarNode, PolicyNode>> Entries) : PolicyNode(Location)
{
    /// <summary>The value of a key, or null.</summary>
    public PolicyNode? this[string key] => Entries.FirstOrDefault(e => e.Key.Value == key).Value;

    /// <summary>The key node of a key, or null.</summary>
    public ScalarNode? KeyNode(string key) => Entries.FirstOrDefault(e => e.Key.Value == key).Key;

    /// <inheritdoc/>
    public override string Describe() => "a mapping";
}
