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
        var z2 = z * z;
        var denominator = 1 + z2 / n;
        var centre = (p + z2 / (2 * n)) / denominator;
        var halfWidth = z * Math.Sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new RateEstimate(p, Math.Max(0, centre - halfWidth), Math.Min(1, centre + halfWidth), successes, n);
    }

    public override string ToString() =>
        N == 0 ? "n/a" : $"{Value:P1} [{Low:P1}, {High:P1}] (n={N})";
}
