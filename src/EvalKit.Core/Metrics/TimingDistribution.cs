using EvalKit.Core.Statistics;

namespace EvalKit.Core.Metrics;

/// <summary>
/// One timing measure over a model's timed samples: how many samples had it, their mean, and the 50th, 90th and 99th
/// percentiles (<see cref="Percentile"/>: linear interpolation, numpy's default).
/// </summary>
public sealed record TimingDistribution(int Samples, double Mean, double P50, double P90, double P99)
{
    /// <summary>The distribution of <paramref name="values"/>, or null when there are none.</summary>
    public static TimingDistribution? Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
            return null;
        return new TimingDistribution(sorted.Count, sorted.Average(),
            Percentile.OfSorted(sorted, 0.5), Percentile.OfSorted(sorted, 0.9), Percentile.OfSorted(sorted, 0.99));
    }
}
