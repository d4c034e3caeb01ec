using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ModelGate.Policy.Tests;

/// <summary>
/// A validator for the subset of JSON Schema 2020-12 that schema/modelgate.schema.json uses: type, properties,
/// required, additionalProperties, enum, items, minItems, minLength, minimum/maximum (and exclusive), pattern,
/// oneOf, anyOf and $ref to $defs. Any other keyword throws, so the schema cannot silently outgrow the validator.
/// </summary>
internal sealed class JsonSchemaSubset
{
    private static readonly HashSet<string> Annotations = ["$schema", "$id", "$defs", "title", "description"];
    private readonly JsonObject _root;

    public JsonSchemaSubset(JsonObject root) => _root = root;

    public List<string> Validate(JsonNode? instance)
    {
        var errors = new List<string>();
        Check(_root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonObject schema, JsonNode? instance, string path, List<string> errors)
    {
        foreach (var (keyword, value) in schema)
        {
            switch (keyword)
            {
                case "$ref":
                    var name = value!.GetValue<string>()["#/$defs/".Length..];
                    Check(_root["$defs"]![name]!.AsObject(), instance, path, errors);
                    break;
                case "type":
                    var types = value is JsonArray a ? a.Select(t => t!.GetValue<string>()).ToList() : [value!.GetValue<string>()];
                    if (!types.Any(t => HasType(instance, t)))
                    {
                        errors.Add($"{path}: expected {string.Join(" or ", types)}");
                    }

                    break;
                case "enum":
                    if (!value!.AsArray().Any(v => JsonNode.DeepEquals(v, instance)))
                    {
                        errors.Add($"{path}: not one of {value.ToJsonString()}");
                    }

                    break;
                case "properties":
                    if (instance is JsonObject props)
                    {
                        foreach (var (key, sub) in value!.AsObject())
                        {
                            if (props.TryGetPropertyValue(key, out var child))
                            {
                                Check(sub!.AsObject(), child, $"{path}.{key}", errors);
                            }
                        }
                    }

                    break;
                case "additionalProperties":
                    if (instance is JsonObject obj)
                    {
                        var declared = schema["properties"]?.AsObject().Select(p => p.Key).ToHashSet() ?? [];
                        foreach (var (key, child) in obj.Where(p => !declared.Contains(p.Key)))
                        {
                            if (value is JsonValue v && v.GetValueKind() == JsonValueKind.False)
                            {
                                errors.Add($"{path}: unknown key '{key}'");
                            }
                            else if (value is JsonObject sub)
                            {
                                Check(sub, child, $"{path}.{key}", errors);
                            }
                        }
                    }

                    break;
                case "required":
                    if (instance is JsonObject req)
                    {
                        foreach (var key in value!.AsArray().Select(k => k!.GetValue<string>()).Where(k => !req.ContainsKey(k)))
                        {
                            errors.Add($"{path}: missing '{key}'");
                        }
                    }

                    break;
                case "items":
                    if (instance is JsonArray items)
                    {
                        for (var i = 0; i < items.Count; i++)
                        {
                            Check(value!.AsObject(), items[i], $"{path}[{i}]", errors);
                        }
                    }

                    break;
                case "minItems":
                    if (instance is JsonArray few && few.Count < value!.GetValue<int>())
                    {
                        errors.Add($"{path}: fewer than {value} items");
                    }

                    break;
                case "minLength":
                    if (instance is JsonValue s && s.GetValueKind() == JsonValueKind.String && s.GetValue<string>().Length < value!.GetValue<int>())
                    {
                        errors.Add($"{path}: shorter than {value}");
                    }

                    break;
                case "minimum" or "maximum" or "exclusiveMinimum" or "exclusiveMaximum":
                    if (instance is JsonValue n && n.GetValueKind() == JsonValueKind.Number)
                    {
                        var x = Num(n);
                        var limit = Num(value!);
                        var ok = keyword switch
                        {
                            "minimum" => x >= limit,
                            "maximum" => x <= limit,
                            "exclusiveMinimum" => x > limit,
                            _ => x < limit,
                        };
                        if (!ok)
                        {
                            errors.Add($"{path}: {x.ToString(CultureInfo.InvariantCulture)} violates {keyword} {value}");
                        }
                    }

                    break;
                case "pattern":
                    if (instance is JsonValue p && p.GetValueKind() == JsonValueKind.String && !Regex.IsMatch(p.GetValue<string>(), value!.GetValue<string>()))
                    {
                        errors.Add($"{path}: does not match {value}");
                    }

                    break;
                case "oneOf" or "anyOf":
                    var matches = value!.AsArray().Count(option => Validates(option!.AsObject(), instance, path));
                    if (keyword == "oneOf" ? matches != 1 : matches == 0)
                    {
                        errors.Add($"{path}: matches {matches} of the {keyword} options");
                    }

                    break;
                default:
                    if (!Annotations.Contains(keyword))
                    {
                        throw new NotSupportedException($"schema keyword '{keyword}' is outside the validated subset");
                    }

                    break;
            }
        }
    }

    private bool Validates(JsonObject schema, JsonNode? instance, string path)
    {
        var errors = new List<string>();
        Check(schema, instance, path, errors);
        return errors.Count == 0;
    }

    private static double Num(JsonNode node) => double.Parse(node.ToJsonString(), CultureInfo.InvariantCulture);

    private static bool HasType(JsonNode? node, string type) => type switch
    {
        "null" => node is null,
        "object" => node is JsonObject,
        "array" => node is JsonArray,
        "string" => node is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => node is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "number" => node is JsonValue n && n.GetValueKind() == JsonValueKind.Number,
        "integer" => node is JsonValue i && i.GetValueKind() == JsonValueKind.Number && double.IsInteger(Num(i)),
        _ => throw new NotSupportedException($"type '{type}'"),
    };
}
