using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ModelGate.Onnx.Outputs;
using ModelGate.Onnx.Sessions;
using ModelGate.Onnx.Tests.Support;

namespace ModelGate.Onnx.Tests;

/// <summary>
/// The engine's raw outputs on every fixture, hashed bit for bit, equal the hashes recorded from the previous engine
/// (the hand-written C API binding on ONNX Runtime 1.30.0) in tests/fixtures/models/expected/engine-bits.txt: moving
/// the engine must not move a single score. Set MODELGATE_RECORD_ENGINE_BITS=1 to rewrite the record.
/// </summary>
[Collection(SharedRuntimeGroup.Name)]
public sealed class EngineScoreRecordTests(SharedRuntime shared)
{
    private static string RecordPath => Path.Combine(RepoPaths.Models, "expected", "engine-bits.txt");

    [Fact]
    public void Every_fixture_output_is_bit_identical_to_the_recorded_engine()
    {
        var lines = new List<string>();
        foreach (var stem in ((IEnumerable<object[]>)FixtureOutputTests.Models).Select(row => (string)row[0]))
        {
            var fixture = Fixture.Load(stem);
            using var model = shared.Runtime.LoadModel(fixture.ModelPath, new SessionSettings { Device = DeviceRequest.Cpu });
            var outputs = model.Run(fixture.Inputs(fixture.Data()));
            lines.AddRange(outputs.Outputs.Select(o => $"{stem}/{o.Name} {Hash(o)}"));
        }

        if (Environment.GetEnvironmentVariable("MODELGATE_RECORD_ENGINE_BITS") == "1")
        {
            File.WriteAllLines(RecordPath, lines);
        }

        Assert.Equal(File.ReadAllLines(RecordPath), lines);
    }

    private static string Hash(ModelOutput output)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', output.Shape).Append('|').AppendJoin(',', output.MapKeys).Append('|');
        foreach (var value in output.Numbers)
        {
            text.Append(BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture));
        }

        text.Append('|').AppendJoin('\u001f', output.Texts ?? []);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))) +
            string.Create(CultureInfo.InvariantCulture, $" {output.Numbers.Length + (output.Texts?.Length ?? 0)} values");
    }
}
