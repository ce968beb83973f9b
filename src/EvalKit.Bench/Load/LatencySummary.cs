using EvalKit.Core.Statistics;

namespace EvalKit.Bench.Load;

/// <summary>Mean and p50/p90/p99 (numpy's default linear interpolation, <see cref="Percentile.OfSorted"/>) of one latency, milliseconds.</summary>
public sealed record LatencySummary
{
    /// <summary>How many values the summary is over.</summary>
    public int Count { get; init; }
    public double Mean { get; init; }
    public double P50 { get; init; }
    public double P90 { get; init; }
    public double P99 { get; init; }

    /// <summary>The summary of <paramref name="values"/>, or null when there are none.</summary>
    public static LatencySummary? Of(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToList();
        return new LatencySummary
        {
            Count = sorted.Count,
            Mean = sorted.Average(),
            P50 = Percentile.OfSorted(sorted, 0.50),
            P90 = Percentile.OfSorted(sorted, 0.90),
            P99 = Percentile.OfSorted(sorted, 0.99),
        };
    }
}
