namespace EvalKit.Core.Statistics;

/// <summary>
/// Percentiles as numpy's default (<c>numpy.percentile(values, p)</c>, method "linear"): sort the n values, take the
/// fractional rank h = (n − 1) · p / 100, and interpolate linearly between the values at ranks ⌊h⌋ and ⌈h⌉
/// (0-based). p = 0 is the minimum, 100 the maximum, 50 the usual median.
/// </summary>
public static class Percentile
{
    /// <param name="values">The values, sorted or not (they are not modified).</param>
    /// <param name="p">The percentile, 0 to 100.</param>
    /// <exception cref="ArgumentException"><paramref name="values"/> is empty or holds NaN.</exception>
    public static double Of(IReadOnlyList<double> values, double p)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
            throw new ArgumentException("The percentile of no values is undefined.", nameof(values));
        if (!(p >= 0 && p <= 100))
            throw new ArgumentOutOfRangeException(nameof(p), p, "p must be between 0 and 100.");
        var sorted = values.ToArray();
        Array.Sort(sorted);
        if (double.IsNaN(sorted[0]))
            throw new ArgumentException("The values hold NaN.", nameof(values));
        var rank = (sorted.Length - 1) * p / 100;
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }
}
