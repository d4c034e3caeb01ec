using System.Text.Json;
using ModelGate.Data.Text;

namespace ModelGate.Data.Tests;

/// <summary>The cases of a fixture folder's expected.json (written by the folder's generator script), by index.</summary>
internal static class ExpectedCases
{
    public static JsonElement Load(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expected.json"))).RootElement.GetProperty("cases");

    public static TheoryData<int> Indexes(JsonElement cases)
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < cases.GetArrayLength(); i++)
        {
            data.Add(i);
        }

        return data;
    }

    /// <summary>Encodes a text case's text at its max_length: ids and mask as expected, token types all 0, the token count and the cut.</summary>
    public static void AssertEncodes(TextEncoder encoder, JsonElement expected)
    {
        var length = expected.GetProperty("max_length").GetInt32();
        var (ids, mask, types) = (new long[length], new long[length], new long[length]);
        types.AsSpan().Fill(7);

        var encoding = encoder.Encode(expected.GetProperty("text").GetString()!, ids, mask, types, "holdout.csv", 2);

        Assert.Equal(expected.GetProperty("ids").EnumerateArray().Select(v => v.GetInt64()), ids);
        Assert.Equal(expected.GetProperty("mask").EnumerateArray().Select(v => v.GetInt64()), mask);
        Assert.All(types, t => Assert.Equal(0, t));
        Assert.Equal(expected.GetProperty("tokens").GetInt32(), encoding.Tokens);
        Assert.Equal(expected.GetProperty("truncated").GetBoolean(), encoding.Truncated);
    }
}
