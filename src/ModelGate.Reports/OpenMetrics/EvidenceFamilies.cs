using System.Globalization;
using ModelGate.Core.Plan;
using ModelGate.Core.Results;

namespace ModelGate.Reports.OpenMetrics;

/// <summary>Generalization gap, calibration errors, latency and negative flips, from the checks that measured them.</summary>
internal static class EvidenceFamilies
{
    public static IEnumerable<MetricFamily> Of(GateResult result, RunLabels labels)
    {
        var gap = new EstimateSeries("modelgate_generalization_gap", "Train metric minus holdout metric of the candidate, oriented so that positive is worse on the holdout");
        var calibration = new EstimateSeries("modelgate_calibration_error", "A calibration error (ECE, MCE, Brier...) of a model on the holdout");
        var latency = new MetricFamily("modelgate_latency_seconds", "Inference latency percentile of one call at a batch size.", "seconds");
        var negative = new MetricFamily("modelgate_negative_flips", "Rows the baseline got right and the candidate gets wrong (in a safety set, or the whole holdout).");
        var positive = new MetricFamily("modelgate_positive_flips", "Rows the baseline got wrong and the candidate gets right (in a safety set, or the whole holdout).");
        var ratio = new MetricFamily("modelgate_negative_flip_ratio", "Negative flips divided by the rows considered.");
        var flips = new EstimateSeries("modelgate_robustness_flip_rate", "Share of a model's predictions that change on perturbed copies of the holdout (a robustness check)");
        var psi = new MetricFamily("modelgate_drift_psi", "Population stability index of a feature (or of the candidate's scores), reference vs holdout.");

        foreach (var c in result.Checks)
        {
            var check = new Label("check", c.Spec.Id);
            switch (c.Spec)
            {
                case GeneralizationGapCheckSpec g:
                    gap.Add(labels.Model("candidate", check, new Label("metric", g.Metric)), c.Candidate);
                    break;
                case CalibrationCheckSpec k:
                    calibration.Add(labels.Model("candidate", check, new Label("metric", k.Metric)), c.Candidate);
                    calibration.Add(labels.Model("baseline", check, new Label("metric", k.Metric)), c.Baseline);
                    break;
                case LatencyCheckSpec l:
                    var batch = new Label("batch_size", l.BatchSize.ToString(CultureInfo.InvariantCulture));
                    var percentile = new Label("percentile", l.Percentile.ToString("R", CultureInfo.InvariantCulture));
                    latency.Add(labels.Model("candidate", batch, percentile), Seconds(c.Candidate));
                    latency.Add(labels.Model("baseline", batch, percentile), Seconds(c.Baseline));
                    break;
                case DriftCheckSpec or PredictionDriftCheckSpec:
                    foreach (var f in c.Drift)
                    {
                        psi.Add(labels.Run(check, new Label("feature", f.Feature)), f.Psi);
                    }

                    break;
                case RobustnessCheckSpec when c.Robustness is { } r:
                    flips.Add(labels.Model("candidate", check), r.Candidate.FlipRate);
                    flips.Add(labels.Model("baseline", check), r.Baseline?.FlipRate);
                    break;
                case SafetyCheckSpec when c.Flips is { } f:
                    AddFlips(labels.Run(new Label("set", c.Spec.Id)), f);
                    break;
            }
        }

        if (result.Flips is { } all)
        {
            AddFlips(labels.Run(new Label("set", "holdout")), all);
        }

        return [.. gap.Families, .. calibration.Families, .. flips.Families, latency, negative, positive, ratio, psi];

        void AddFlips(IReadOnlyList<Label> set, FlipSummary f)
        {
            negative.Add(set, f.NegativeFlips);
            positive.Add(set, f.PositiveFlips);
            ratio.Add(set, f.NegativeFlipRate);
        }
    }

    private static double? Seconds(ModelGate.Core.Estimate? milliseconds) =>
        milliseconds is { IsDefined: true } e ? e.Value / 1000 : null;
}
