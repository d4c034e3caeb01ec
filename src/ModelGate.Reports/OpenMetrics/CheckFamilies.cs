using ModelGate.Core;
using ModelGate.Core.Results;

namespace ModelGate.Reports.OpenMetrics;

/// <summary>The gate's verdict and every check's: verdict as a 0/1 state per verdict, whether it blocks, its numbers.</summary>
internal static class CheckFamilies
{
    public static IEnumerable<MetricFamily> Of(GateResult result, RunLabels labels)
    {
        var passed = new MetricFamily("modelgate_gate_passed", "1 when the gate passed (no blocking check failed), 0 when it failed.");
        var clean = new MetricFamily("modelgate_gate_clean", "1 when every check passed or was waived (nothing inconclusive or skipped), 0 otherwise.");
        var counts = new MetricFamily("modelgate_checks", "Checks of the run by verdict.");
        var verdicts = new MetricFamily("modelgate_check_verdict", "1 for the verdict a check had and 0 for the others (pass, fail, inconclusive, skipped, waived).");
        var blocking = new MetricFamily("modelgate_check_blocking", "1 when the check makes the gate fail, 0 otherwise.");
        var value = new EstimateSeries("modelgate_check_value", "The value a check judged, per model, in the check's own unit (see the report)");
        var delta = new EstimateSeries("modelgate_check_delta", "Candidate minus baseline of a check, with its paired interval");
        var pValue = new MetricFamily("modelgate_check_p_value", "Two-sided p-value of a check's paired test.");

        passed.Add(labels.Run(), result.Passed ? 1 : 0);
        clean.Add(labels.Run(), result.Clean ? 1 : 0);
        foreach (var v in Enum.GetValues<Verdict>())
        {
            counts.Add(labels.Run(new Label("verdict", Word(v))), result.Count(v));
        }

        foreach (var c in result.Checks)
        {
            var check = new Label("check", c.Spec.Id);
            var severity = new Label("severity", c.Spec.Severity.ToString().ToLowerInvariant());
            foreach (var v in Enum.GetValues<Verdict>())
            {
                verdicts.Add(labels.Run(check, severity, new Label("verdict", Word(v))), c.Verdict == v ? 1 : 0);
            }

            blocking.Add(labels.Run(check), c.Blocks ? 1 : 0);
            value.Add(labels.Model("candidate", check), c.Candidate);
            value.Add(labels.Model("baseline", check), c.Baseline);
            delta.Add(labels.Run(check), c.Delta);
            pValue.Add(labels.Run(check), c.PValue);
        }

        return [passed, clean, counts, verdicts, blocking, .. value.Families, .. delta.Families, pValue];
    }

    private static string Word(Verdict v) => v.ToString().ToLowerInvariant();
}
