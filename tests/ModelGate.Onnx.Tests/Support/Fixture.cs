using System.Text.Json;
using ModelGate.Onnx.Inputs;

namespace ModelGate.Onnx.Tests.Support;

/// <summary>One fixture model with its committed expected outputs (tests/fixtures/models/expected/&lt;stem&gt;.json).</summary>
internal sealed class Fixture
{
    private Fixture(string stem, JsonElement root)
    {
        Stem = stem;
        Root = root;
    }

    public string Stem { get; }

    public JsonElement Root { get; }

    public string ModelPath => RepoPaths.Model(Stem);

    public double AbsTolerance => Root.GetProperty("tolerance").GetProperty("abs").GetDouble();

    public double RelTolerance => Root.GetProperty("tolerance").GetProperty("rel").GetDouble();

    public static Fixture Load(string stem)
    {
        var text = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Models, "expected", stem + ".json"));
        return new Fixture(stem, JsonDocument.Parse(text).RootElement.Clone());
    }

    public CsvTable Data() => CsvTable.Read(RepoPaths.Path(Root.GetProperty("dataset").GetString()!.Split('/')));

    /// <summary>The model inputs exactly as the fixture describes them: dense, per column, or a reshape to [N, d1, ..., dk].</summary>
    public IReadOnlyList<ModelInput> Inputs(CsvTable data)
    {
        var inputs = new List<ModelInput>();
        foreach (var spec in Root.GetProperty("inputs").EnumerateArray())
        {
            var name = spec.GetProperty("name").GetString()!;
            var text = spec.GetProperty("dtype").GetString() == "string";
            var columns = spec.GetProperty("columns").EnumerateArray()
                .Select(c => text ? data.Text(c.GetString()!) : data.Numeric(c.GetString()!))
                .ToList();
            var shape = spec.GetProperty("shape").EnumerateArray().Select(d => d.GetInt32()).ToArray();
            inputs.Add(shape.Length switch
            {
                2 when shape[1] == 1 && columns.Count == 1 => ModelInput.PerColumn(name, columns[0]),
                > 2 => ModelInput.Reshaped(name, columns, shape[1..]),
                _ => ModelInput.Dense(name, columns),
            });
        }

        return inputs;
    }

    public IEnumerable<string> OutputNames => Root.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("name").GetString()!);

    public JsonElement Expected(string output) => Root.GetProperty("expected").GetProperty(output);
}
