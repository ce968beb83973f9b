namespace EvalKit.Core.Statistics;

/// <summary>
/// A proportion with its 95% Wilson score interval (Wilson 1927). Wilson rather than the normal
/// approximation because it stays inside [0, 1] and behaves at small n and rates near 0 or 1.
/// </summary>
public sealed record RateEstimate(double Value, double Low, double High, int Successes, int N)
{
    /// <summary>z for a two-sided 95% interval.</summary>
    public const double Z95 = 1.959963984540054;

    public static RateEstimate Wilson(int successes, int n, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);
        if (n == 0)
            return new RateEstimate(double.NaN, double.NaN, double.NaN, 0, 0);
        var p = (double)successes / n;
        var (low, high) = WilsonInterval(p, n, z);
        return new RateEstimate(p, low, high, successes, n);
    }

    /// <summary>
    /// A proportion over clusters of correlated trials (a case answered in several repeats): the Wilson interval with
    /// the effective sample size n / deff (Kish 1965), deff being the cluster-robust (linearised ratio-estimator)
    /// variance of the proportion over the binomial one. n_eff is kept between the number of clusters and n; when
    /// every trial agrees (p = 0 or 1) the correlation cannot be estimated and n_eff is the number of clusters.
    /// With clusters of one trial each it is exactly <see cref="Wilson"/>.
    /// </summary>
    public static RateEstimate ClusteredWilson(IReadOnlyList<(int Successes, int Trials)> clusters, double z = Z95)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var successes = clusters.Sum(c => c.Successes);
        var n = clusters.Sum(c => c.Trials);
        var k = clusters.Count(c => c.Trials > 0);
        if (n == 0 || clusters.All(c => c.Trials <= 1))
            return Wilson(successes, n, z);

        var p = (double)successes / n;
        double effectiveN;
        if (successes == 0 || successes == n || k < 2)
            effectiveN = k;
        else
        {
            var residuals = clusters.Sum(c => Math.Pow(c.Successes - p * c.Trials, 2));
            var clusterVariance = k / (k - 1.0) * residuals / ((double)n * n);
            var binomialVariance = p * (1 - p) / n;
            effectiveN = Math.Clamp(n * binomialVariance / clusterVariance, k, n);
        }
        var (low, high) = WilsonInterval(p, effectiveN, z);
        return new RateEstimate(p, low, high, successes, n);
    }

    private static (double Low, double High) WilsonInterval(double p, double n, double z)
    {
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var halfWidth = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return (Math.Max(0, centre - halfWidth), Math.Min(1, centre + halfWidth));
    }

    public override string ToString() =>
        N == 0 ? "n/a" : $"{Value:P1} [{Low:P1}, {High:P1}] (n={N})";
}
