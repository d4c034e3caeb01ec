using ModelGate.Policy.Binding;

namespace ModelGate.Policy.Yaml;

/// <summary>
/// <c>extends:</c> merging. Mappings merge key by key, recursively (the extending file wins);
/// <c>checks</c> and <c>waivers</c> are appended, except that an item with the same check id (checks) or the same
/// <c>check</c> (waivers) replaces the base item in place; every other value (scalars, lists) is replaced whole.
/// Writing <c>key: null</c> removes an inherited value.
/// </summary>
internal static class PolicyMerge
{
    /// <summary>The merge of <paramref name="child"/> over <paramref name="parent"/>.</summary>
    public static MappingNode Merge(MappingNode parent, MappingNode child)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(child);
        return MergeMaps(parent, child, topLevel: true);
    }

    private static MappingNode MergeMaps(MappingNode parent, MappingNode child, bool topLevel)
    {
        var entries = parent.Entries.ToList();
        foreach (var (key, value) in child.Entries)
        {
            var index = entries.FindIndex(e => e.Key.Value == key.Value);
            if (index < 0)
            {
                entries.Add(new(key, value));
                continue;
            }

            var inherited = entries[index].Value;
            PolicyNode merged = (inherited, value) switch
            {
                (MappingNode a, MappingNode b) => MergeMaps(a, b, topLevel: false),
                (SequenceNode a, SequenceNode b) when topLevel && key.Value == "checks" => MergeById(a, b, CheckIds.Of),
                (SequenceNode a, SequenceNode b) when topLevel && key.Value == "waivers" => MergeById(a, b, WaiverCheck),
                _ => value,
            };
            entries[index] = new(key, merged);
        }

        return new MappingNode(child.Location, entries);
    }

    private static SequenceNode MergeById(SequenceNode parent, SequenceNode child, Func<PolicyNode, string?> idOf)
    {
        var items = parent.Items.ToList();
        foreach (var item in child.Items)
        {
            var id = idOf(item);
            var index = id is null ? -1 : items.FindIndex(i => idOf(i) == id);
            if (index >= 0)
            {
                items[index] = item;
            }
            else
            {
                items.Add(item);
            }
        }

        return new SequenceNode(child.Location, items);
    }

    private static string? WaiverCheck(PolicyNode item) =>
        item is MappingNode map && map["check"] is ScalarNode { IsNull: false } s ? s.Value : null;
}
