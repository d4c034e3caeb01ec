using System.Text.Json;
using ModelGate.Core.Limits;
using ModelGate.Onnx.Signature;

namespace ModelGate.Faults.Tests.Hostile;

/// <summary>A model whose weights live in an external-data file: size, provenance hash and the size limit cover them.</summary>
public sealed class ExternalDataTests
{
    static ExternalDataTests() => Secrets.Plant();

    [Fact]
    public async Task The_report_counts_and_hashes_the_external_weights()
    {
        using var w = new Workspace("breast-cancer");
        var onnx = w.File("models/candidate.onnx");
        ExternalDataModel.Split(onnx, onnx, "candidate.weights");
        var weights = new FileInfo(w.File("models/candidate.weights")).Length;
        Assert.True(weights >= 240, $"{weights} bytes of weights");

        var run = await w.RunAsync(null, CancellationToken.None, HostileCase.Check("--format", "json"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var first = Candidate(w);
        Assert.Equal(new FileInfo(onnx).Length + weights, first.Bytes);

        // Swap the weights for other bytes of the same length: the .onnx file is unchanged, the provenance is not.
        var bytes = File.ReadAllBytes(w.File("models/candidate.weights"));
        bytes[^1] ^= 0x01;
        File.WriteAllBytes(w.File("models/candidate.weights"), bytes);
        Directory.Delete(w.OutDir, recursive: true);
        run = await w.RunAsync(null, CancellationToken.None, HostileCase.Check("--format", "json"));
        Assert.True(run.ExitCode is 0 or 1, run.ToString());
        var second = Candidate(w);
        Assert.Equal(first.Bytes, second.Bytes);
        Assert.NotEqual(first.Sha256, second.Sha256);
    }

    [Fact]
    public void The_size_limit_counts_external_data()
    {
        using var w = new Workspace("breast-cancer");
        var onnx = w.File("models/candidate.onnx");
        ExternalDataModel.Split(onnx, onnx, "candidate.weights");
        var files = ModelFiles.Of(onnx, ResourceLimits.Default);
        Assert.Equal([w.File("models/candidate.weights")], files.ExternalFiles);
        var e = Assert.Throws<LimitExceededException>(() => ModelFiles.Of(onnx, ResourceLimits.Default with { ModelBytes = files.TotalBytes - 1 }));
        Assert.Contains("(model_bytes)", e.Message, StringComparison.Ordinal);
    }

    private static (long Bytes, string Sha256) Candidate(Workspace w)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(w.OutDir, "report.json")));
        var model = json.RootElement.GetProperty("provenance").GetProperty("models").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "candidate");
        return (model.GetProperty("bytes").GetInt64(), model.GetProperty("sha256").GetString()!);
    }
}
