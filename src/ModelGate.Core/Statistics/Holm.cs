namespace ModelGate.Core.Statistics;

/// <summary>Holm's (1979) step-down adjustment controlling the family-wise error rate across a family of tests.</summary>
internal static class Holm
{
    /// <summary>Adjusted p-values in input order: max over j ≤ i of (m − j + 1)·p(j), capped at 1 (R's p.adjust "holm").</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        var running = 0.0;
        for (var rank = 1; rank <= m; rank++)
        {
            var index = order[rank - 1];
            running = Math.Max(running, Math.Min(1, pValues[index] * (m - rank + 1)));
            adjusted[index] = running;
        }

        return adjusted;
    }
}
