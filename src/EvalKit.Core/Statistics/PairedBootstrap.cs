namespace EvalKit.Core.Statistics;

/// <summary>
/// Percentile bootstrap interval for the mean paired difference (candidate − baseline) over the same cases
/// (Efron &amp; Tibshirani 1993): cases are resampled with replacement, keeping each pair together, so the
/// interval accounts for the correlation between the two models' scores. Seeded, hence reproducible.
/// </summary>
public static class PairedBootstrap
{
    public const int DefaultResamples = 2000;

    public static (double Mean, double Low, double High) MeanDifference(
        IReadOnlyList<double> baseline, IReadOnlyList<double> candidate, int resamples = DefaultResamples, int seed = 20240601)
    {
        if (baseline.Count != candidate.Count)
            throw new ArgumentException("Paired samples must have the same length.", nameof(candidate));
        var n = baseline.Count;
        if (n == 0)
            return (double.NaN, double.NaN, double.NaN);

        var differences = new double[n];
        for (var i = 0; i < n; i++)
            differences[i] = candidate[i] - baseline[i];
        var mean = differences.Average();

        var random = new Random(seed);
        var means = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
                sum += differences[random.Next(n)];
            means[r] = sum / n;
        }
        Array.Sort(means);
        return (mean, Percentile.OfSorted(means, 0.025), Percentile.OfSorted(means, 0.975));
    }
}
