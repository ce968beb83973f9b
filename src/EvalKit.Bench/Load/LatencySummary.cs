using EvalKit.Core.Statistics;

namespace EvalKit.Bench.Load;

/// <summary>Mean and p50/p90/p99 (numpy's linear interpolation, <see cref="Percentile"/>) of one latency, milliseconds.</summary>
public sealed record LatencySummary
{
    /// <summary>How many values the summary is over.</summary>
    public int Count { get; init; }
    public double Mean { get; init; }
    public double P50 { get; init; }
    public double P90 { get; init; }
    public double P99 { get; init; }

    /// <summary>The summary of <paramref name="values"/>, or null when there are none.</summary>
    public static LatencySummary? Of(IReadOnlyList<double> values) => values.Count == 0 ? null : new LatencySummary
    {
        Count = values.Count,
        Mean = values.Average(),
        P50 = Percentile.Of(values, 50),
        P90 = Percentile.Of(values, 90),
        P99 = Percentile.Of(values, 99),
    };
}
