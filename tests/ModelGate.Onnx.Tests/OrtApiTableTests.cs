using System.Globalization;
using System.Reflection;
using ModelGate.Onnx.Native;
using ModelGate.Onnx.Runtime;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>
/// The binding's OrtApi indices are checked mechanically against eng/onnxruntime/ortapi-table.txt (the table's
/// member order with the API version that added each member), whose own count is checked against ORT's
/// static_assert anchors; and the requested API version is the lowest that has every bound function.
/// </summary>
public sealed class OrtApiTableTests
{
    private sealed record Table(Dictionary<string, (int Index, int Since)> Members, List<(string Name, int Index)> Anchors);

    private static Table ReadTable()
    {
        var members = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var anchors = new List<(string, int)>();
        var version = 0;
        var index = 0;
        foreach (var raw in File.ReadLines(Repo.File("eng", "onnxruntime", "ortapi-table.txt")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts[0] == "@version")
            {
                version = int.Parse(parts[1], CultureInfo.InvariantCulture);
            }
            else if (parts[0] == "@anchor")
            {
                anchors.Add((parts[1], int.Parse(parts[2], CultureInfo.InvariantCulture)));
            }
            else
            {
                Assert.Single(parts);
                Assert.True(members.TryAdd(parts[0], (index++, version)), $"duplicate member {parts[0]}");
            }
        }

        return new Table(members, anchors);
    }

    private static IEnumerable<(string Name, int Index)> Bound() =>
        typeof(OrtApiIndex).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(int))
            .Select(f => (f.Name, (int)f.GetValue(null)!));

    [Fact]
    public void The_table_agrees_with_every_static_assert_anchor_from_onnxruntime()
    {
        var table = ReadTable();
        Assert.Equal(11, table.Anchors.Count);
        foreach (var (name, index) in table.Anchors)
        {
            Assert.Equal(index, table.Members[name].Index);
        }
    }

    [Fact]
    public void Every_bound_index_is_the_members_position_in_the_table()
    {
        var table = ReadTable();
        var bound = Bound().ToList();
        Assert.True(bound.Count >= 60, $"only {bound.Count} bound members found");
        foreach (var (name, index) in bound)
        {
            Assert.True(table.Members.TryGetValue(name, out var member), $"{name} is not an OrtApi member");
            Assert.True(member.Index == index, $"{name}: bound at {index}, table says {member.Index}");
        }
    }

    [Fact]
    public void The_requested_api_version_is_the_lowest_that_has_every_bound_function()
    {
        var table = ReadTable();
        var needed = Bound().Max(b => table.Members[b.Name].Since);
        Assert.Equal((int)OrtApiIndex.RequiredApiVersion, needed);
        Assert.Equal(needed, OnnxRuntime.RequiredApiVersion);
    }

    [Fact]
    public void The_bundled_library_provides_the_table_version_and_the_requested_one()
    {
        var table = ReadTable();
        using var runtime = OnnxRuntime.Open(new OnnxRuntimeOptions { ReadEnvironmentVariable = false, UseSystemLoader = false });
        var libraryApi = int.Parse(runtime.Version.Split('.')[1], CultureInfo.InvariantCulture);
        Assert.True(table.Members.Values.Max(m => m.Since) <= libraryApi);
        Assert.True(OnnxRuntime.RequiredApiVersion <= libraryApi);
        Assert.Equal(Repo.OrtVersion, runtime.Version);
    }
}
