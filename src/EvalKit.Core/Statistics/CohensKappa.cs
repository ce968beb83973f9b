namespace EvalKit.Core.Statistics;

/// <summary>
/// Cohen's kappa (Cohen 1960) for two raters over the same items: κ = (p_o − p_e) / (1 − p_e), where p_o is the
/// observed agreement and p_e the agreement expected by chance from each rater's label frequencies.
/// </summary>
public static class CohensKappa
{
    public static double Compute<T>(IReadOnlyList<T> first, IReadOnlyList<T> second) where T : notnull
    {
        if (first.Count != second.Count)
            throw new ArgumentException("Both raters must label the same items.", nameof(second));
        var n = first.Count;
        if (n == 0)
            return double.NaN;

        var observed = first.Zip(second).Count(p => EqualityComparer<T>.Default.Equals(p.First, p.Second)) / (double)n;
        var firstCounts = first.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var secondCounts = second.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var expected = firstCounts.Sum(kv => kv.Value / (double)n * secondCounts.GetValueOrDefault(kv.Key) / n);
        return expected >= 1.0 ? (observed >= 1.0 ? 1.0 : double.NaN) : (observed - expected) / (1 - expected);
    }
}
