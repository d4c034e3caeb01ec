using System.Globalization;
using ModelGate.Core.Evaluation;
using ModelGate.Core.Plan;
using ModelGate.Core.Text;
using ModelGate.Onnx.Inputs;
using ModelGate.Onnx.Sessions;
using ModelGate.Policy.Model;

namespace ModelGate.Engine;

/// <summary>
/// Resource cost per inference (M12), measured only when a resource_cost check asks: after the scoring pass, each model
/// in turn gets a fresh session (same settings) and scores the holdout's first chunk alone, so the process's CPU time
/// and working set are that model's; the streaming pass overlaps candidate and baseline and is not used for this.
/// </summary>
internal static class ResourceCostMeter
{
    public static (ResourceCost? Candidate, ResourceCost? Baseline) Measure(GatePolicy policy, Func<string, OnnxModel> load,
        string candidatePath, PreparedInputs candidateInputs, string? baselinePath, PreparedInputs? baselineInputs, IRunLog log)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(log);
        if (!policy.Checks.Any(c => c is ResourceCostCheckSpec))
        {
            return (null, null);
        }

        var candidate = One(load, candidatePath, candidateInputs);
        var baseline = baselinePath is null || baselineInputs is null ? null : One(load, baselinePath, baselineInputs);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"measured resource cost over {NumberText.Count(candidateInputs.RowCount)} rows per pass: candidate {candidate.CpuSecondsPer1000Rows:0.####} CPU-s per 1,000 rows, peak {candidate.PeakMemoryMb:0.#} MB");
        log.Step(baseline is null ? line : line + string.Create(CultureInfo.InvariantCulture, $"; baseline {baseline.CpuSecondsPer1000Rows:0.####} CPU-s, peak {baseline.PeakMemoryMb:0.#} MB"));
        return (candidate, baseline);
    }

    private static ResourceCost One(Func<string, OnnxModel> load, string path, PreparedInputs inputs)
    {
        var before = ProcessMeter.Settled();
        using var model = load(path);
        return model.MeasureCost(inputs, before);
    }
}
