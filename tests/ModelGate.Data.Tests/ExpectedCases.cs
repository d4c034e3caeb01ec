using System.Text.Json;

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
}
