using System.Text.Json.Nodes;
using ModelGate.Policy.Diagnostics;
using ModelGate.Policy.Yaml;

namespace ModelGate.Policy.Tests;

/// <summary>YAML to JSON with the YAML 1.2 core schema, as the yaml-language-server sees a policy.</summary>
internal static class YamlJson
{
    public static JsonNode? Convert(string yaml)
    {
        var diagnostics = new List<PolicyDiagnostic>();
        var node = PolicyYamlReader.Parse(yaml, "policy.yml", diagnostics);
        Assert.True(node is not null, string.Join("\n", diagnostics));
        return Convert(node);
    }

    private static JsonNode? Convert(PolicyNode node) => node switch
    {
        MappingNode m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, Convert(e.Value)))),
        SequenceNode s => new JsonArray([.. s.Items.Select(Convert)]),
        ScalarNode { IsNull: true } => null,
        ScalarNode b when ScalarTypes.TryBoolean(b, out var flag) => JsonValue.Create(flag),
        ScalarNode i when ScalarTypes.TryInteger(i, out var whole) => JsonValue.Create(whole),
        ScalarNode d when ScalarTypes.TryNumber(d, out var number) => JsonValue.Create(number),
        ScalarNode t => JsonValue.Create(t.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(node)),
    };
}
