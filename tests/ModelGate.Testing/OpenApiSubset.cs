using System.Globalization;
using System.Text.Json.Nodes;

namespace ModelGate.Testing;

/// <summary>
/// The committed extract of GitHub's OpenAPI description, and a small validator for the keywords it uses:
/// $ref, type, nullable, required, properties, additionalProperties, items, enum, oneOf (checked as "any of",
/// because GitHub's nullable alternatives make exactly-one impossible for null), format date-time and uri.
/// </summary>
public sealed class OpenApiSubset
{
    private readonly JsonObject _document;

    private OpenApiSubset(JsonObject document) => _document = document;

    /// <summary>The api.github.com extract.</summary>
    public static OpenApiSubset GitHubCom { get; } = Load("issue-comments.api.github.com.json");

    /// <summary>The newest GHES extract.</summary>
    public static OpenApiSubset Ghes { get; } = Load(Directory.GetFiles(Folder, "issue-comments.ghes-*.json").Max()!);

    /// <summary>Where the extract came from (package and file).</summary>
    public string Source => _document["x-extracted-from"]!.GetValue<string>();

    /// <summary>The committed extracts: tests/ModelGate.Testing/openapi.</summary>
    public static string Folder => RepoPaths.Path("tests", "ModelGate.Testing", "openapi");

    /// <summary>Loads one extract from the committed openapi folder.</summary>
    public static OpenApiSubset Load(string fileName) =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, Path.GetFileName(fileName))))!.AsObject());

    /// <summary>The operation object for a path template and method, e.g. ("/repos/{owner}/{repo}/issues/{issue_number}/comments", "get").</summary>
    public JsonObject Operation(string pathTemplate, string method) =>
        _document["paths"]![pathTemplate]![method.ToLowerInvariant()]!.AsObject();

    /// <summary>The parameter objects of an operation, references resolved.</summary>
    public IReadOnlyList<JsonObject> Parameters(string pathTemplate, string method) =>
        Operation(pathTemplate, method)["parameters"]!.AsArray().Select(p => Resolve(p!.AsObject())).ToList();

    /// <summary>The JSON schema of an operation's request body, or null when it takes none.</summary>
    public JsonObject? RequestSchema(string pathTemplate, string method) =>
        Operation(pathTemplate, method)["requestBody"]?["content"]?["application/json"]?["schema"]?.AsObject();

    /// <summary>The response object for a status, or null when the operation does not document that status.</summary>
    public JsonObject? Response(string pathTemplate, string method, int status)
    {
        var response = Operation(pathTemplate, method)["responses"]![status.ToString(CultureInfo.InvariantCulture)]?.AsObject();
        return response is null ? null : Resolve(response);
    }

    /// <summary>A named component schema, e.g. basic-error.</summary>
    public JsonObject Schema(string name) => _document["components"]!["schemas"]![name]!.AsObject();

    /// <summary>Validates a value against a schema; returns the violations (empty when valid).</summary>
    public List<string> Validate(JsonNode? value, JsonObject schema, string at = "$")
    {
        var errors = new List<string>();
        Check(value, schema, at, errors);
        return errors;
    }

    private JsonObject Resolve(JsonObject node)
    {
        while (node["$ref"] is JsonValue reference)
        {
            var parts = reference.GetValue<string>().TrimStart('#', '/').Split('/');
            JsonNode current = _document;
            foreach (var part in parts)
            {
                current = current[part] ?? throw new InvalidOperationException($"unresolved $ref {reference}");
            }

            node = current.AsObject();
        }

        return node;
    }

    private void Check(JsonNode? value, JsonObject schema, string at, List<string> errors)
    {
        schema = Resolve(schema);
        if (value is null)
        {
            if (schema["nullable"]?.GetValue<bool>() != true && schema["type"] is not null)
            {
                errors.Add($"{at}: null but not nullable");
            }

            return;
        }

        if (schema["oneOf"] is JsonArray alternatives)
        {
            if (!alternatives.Any(a => Validate(value, a!.AsObject(), at).Count == 0))
            {
                errors.Add($"{at}: matches none of the oneOf alternatives");
            }

            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{at}: {value.ToJsonString()} is not one of the enum values");
        }

        switch (schema["type"]?.GetValue<string>())
        {
            case "object":
                CheckObject(value, schema, at, errors);
                break;
            case "array":
                if (value is not JsonArray array)
                {
                    errors.Add($"{at}: expected array");
                    break;
                }

                if (schema["items"] is JsonObject items)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        Check(array[i], items, $"{at}[{i.ToString(CultureInfo.InvariantCulture)}]", errors);
                    }
                }

                break;
            case "string":
                CheckString(value, schema, at, errors);
                break;
            case "integer":
                if (value is not JsonValue integer || !integer.TryGetValue<long>(out _))
                {
                    errors.Add($"{at}: expected integer, got {value.ToJsonString()}");
                }

                break;
            case "number":
                if (value is not JsonValue number || !number.TryGetValue<double>(out _))
                {
                    errors.Add($"{at}: expected number");
                }

                break;
            case "boolean":
                if (value is not JsonValue boolean || !boolean.TryGetValue<bool>(out _))
                {
                    errors.Add($"{at}: expected boolean");
                }

                break;
        }
    }

    private void CheckObject(JsonNode value, JsonObject schema, string at, List<string> errors)
    {
        if (value is not JsonObject obj)
        {
            errors.Add($"{at}: expected object");
            return;
        }

        foreach (var name in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (!obj.ContainsKey(name))
            {
                errors.Add($"{at}: missing required property '{name}'");
            }
        }

        var properties = schema["properties"]?.AsObject();
        foreach (var (name, child) in obj)
        {
            if (properties?[name] is JsonObject propertySchema)
            {
                Check(child, propertySchema, $"{at}.{name}", errors);
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Check(child, additional, $"{at}.{name}", errors);
            }
        }
    }

    private static void CheckString(JsonNode value, JsonObject schema, string at, List<string> errors)
    {
        if (value is not JsonValue text || !text.TryGetValue<string>(out var s))
        {
            errors.Add($"{at}: expected string, got {value.ToJsonString()}");
            return;
        }

        var format = schema["format"]?.GetValue<string>();
        if (format == "date-time" && !DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _))
        {
            errors.Add($"{at}: '{s}' is not a date-time");
        }

        if (format == "uri" && !Uri.TryCreate(s, UriKind.Absolute, out _))
        {
            errors.Add($"{at}: '{s}' is not a uri");
        }
    }
}
