namespace EvalKit.Core.Statistics;

/// <summary>
/// The unbiased pass@k estimator of Chen et al. 2021 (HumanEval paper, §2.1): with n samples of which c pass,
/// pass@k = 1 − C(n − c, k) / C(n, k), computed as a running product to stay numerically stable.
/// </summary>
public static class PassAtK
{
    public static double Estimate(int n, int c, int k)
    {
        if (k < 1 || k > n)
            throw new ArgumentOutOfRangeException(nameof(k), $"k must be between 1 and n ({n}).");
        ArgumentOutOfRangeException.ThrowIfNegative(c);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(c, n);
        if (n - c < k)
            return 1.0;
        var product = 1.0;
        for (var i = n - c + 1; i <= n; i++)
            product *= 1.0 - (double)k / i;
        return 1.0 - product;
    }
}
