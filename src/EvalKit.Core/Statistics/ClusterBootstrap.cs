namespace EvalKit.Core.Statistics;

/// <summary>
/// Percentile bootstrap interval for a ratio of sums, Σ values / Σ counts, over clusters (e.g. per-token KL summed per
/// sequence, with the sequence's token count). Whole clusters are resampled with replacement, so correlation inside
/// a cluster widens the interval as it should (the cluster bootstrap; Davison &amp; Hinkley 1997, §3.8). With
/// clusters of one, it is the ordinary bootstrap of a mean. Seeded, hence reproducible.
/// </summary>
public static class ClusterBootstrap
{
    public static (double Value, double Low, double High) RatioOfSums(
        IReadOnlyList<double> sums, IReadOnlyList<int> counts, int resamples = PairedBootstrap.DefaultResamples, int seed = 20240601)
    {
        if (sums.Count != counts.Count)
            throw new ArgumentException("Every cluster needs a sum and a count.", nameof(counts));
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        var n = sums.Count;
        var total = counts.Sum();
        if (n == 0 || total == 0)
            return (double.NaN, double.NaN, double.NaN);

        var value = sums.Sum() / total;
        var random = new Random(seed);
        var ratios = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            var sum = 0.0;
            var count = 0L;
            for (var i = 0; i < n; i++)
            {
                var pick = random.Next(n);
                sum += sums[pick];
                count += counts[pick];
            }
            // A resample of only empty clusters has no ratio; it is left out rather than counted as zero.
            if (count > 0)
                ratios.Add(sum / count);
        }
        ratios.Sort();
        return (value, Percentile.OfSorted(ratios, 0.025), Percentile.OfSorted(ratios, 0.975));
    }
}
