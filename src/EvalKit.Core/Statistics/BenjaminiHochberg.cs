namespace EvalKit.Core.Statistics;

/// <summary>
/// Benjamini–Hochberg (1995) adjusted p-values (the step-up false discovery rate procedure), for when many
/// categories are compared at once: q_(i) = min over j ≥ i of p_(j) · m / j, capped at 1, in the input order.
/// </summary>
public static class BenjaminiHochberg
{
    public static double[] Adjust(IReadOnlyList<double> pValues)
    {
        var m = pValues.Count;
        var order = Enumerable.Range(0, m).OrderBy(i => pValues[i]).ToArray();
        var adjusted = new double[m];
        var running = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = order[rank - 1];
            running = Math.Min(running, pValues[index] * m / rank);
            adjusted[index] = Math.Min(1.0, running);
        }
        return adjusted;
    }
}
