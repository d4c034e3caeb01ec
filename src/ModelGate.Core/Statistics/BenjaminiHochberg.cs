namespace ModelGate.Core.Statistics;

/// <summary>Benjamini-Hochberg (1995) step-up adjustment controlling the false discovery rate across a family of tests.</summary>
internal static class BenjaminiHochberg
{
    /// <summary>Adjusted p-values in input order: min over j ≥ i of m·p(j)/j, capped at 1 (R's p.adjust "BH").</summary>
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        ArgumentNullException.ThrowIfNull(pValues);
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ThenBy(i => i).ToArray();
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            running = Math.Min(running, pValues[index] * m / rank);
            adjusted[index] = Math.Min(1, running);
        }

        return adjusted;
    }
}
