using System.Globalization;
using ModelGate.Core.Plan;
using static ModelGate.Policy.Printing.YamlText;

namespace ModelGate.Policy.Printing;

/// <summary>Robustness checks, printed back as they bind.</summary>
internal static partial class CheckPrinter
{
    private static void PrintRobustness(RobustnessCheckSpec r, Action<int, string> line)
    {
        Head("robustness", r, line);
        line(3, "perturbations:");
        foreach (var p in r.Perturbations)
        {
            var settings = p.Kind switch
            {
                PerturbationKind.Noise => $"noise: {{ scale: {Number(p.Amount)}",
                PerturbationKind.Dropout => $"dropout: {{ share: {Number(p.Amount)}, to: {(p.Fill == DropoutFill.Mean ? "mean" : "missing")}",
                PerturbationKind.ImageNoise => $"image_noise: {{ sigma: {Number(p.Amount)}",
                PerturbationKind.Brightness => $"brightness: {{ delta: {Number(p.Amount)}",
                PerturbationKind.Blur => $"blur: {{ sigma: {Number(p.Amount)}",
                PerturbationKind.Typos => $"typos: {{ rate: {Number(p.Amount)}",
                _ => $"swap: {{ probability: {Number(p.Amount)}",
            };
            var features = p.Features.Count == 0 ? string.Empty : $", features: [{string.Join(", ", p.Features.Select(Text))}]";
            line(4, $"- {settings}{features} }}");
        }

        line(3, $"repeats: {r.Repeats.ToString(CultureInfo.InvariantCulture)}");
        line(3, $"seed: {r.Seed.ToString(CultureInfo.InvariantCulture)}");
        if (r.Tolerance is { } tolerance)
        {
            line(3, $"tolerance: {Number(tolerance)}");
        }

        AtMost("flip_rate", r.FlipRateAtMost, line);
        AtMost("metric_drop", r.MetricDropAtMost, line);
        if (r.BaselineMargin is { } margin)
        {
            line(3, $"vs_baseline: {{ margin: {Number(margin)} }}");
        }
    }
}
