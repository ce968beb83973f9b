namespace EvalKit.Core.Statistics;

/// <summary>
/// Percentiles by linear interpolation between order statistics (Hyndman &amp; Fan 1996 type 7; R's default and
/// numpy's <c>percentile</c> default, <c>method="linear"</c>): for n sorted values and p in [0, 1], h = p·(n − 1) and
/// the result is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]).
/// </summary>
public static class Percentile
{
    /// <param name="sorted">The values in ascending order.</param>
    /// <param name="p">The fraction, 0 (minimum) to 1 (maximum); 0.5 is the median.</param>
    /// <returns>NaN when there are no values.</returns>
    public static double OfSorted(IReadOnlyList<double> sorted, double p)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (sorted.Count == 0)
            return double.NaN;
        var position = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
    }
}
