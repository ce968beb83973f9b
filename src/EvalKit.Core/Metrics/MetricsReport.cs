namespace EvalKit.Core.Metrics;

/// <summary><c>metrics.json</c>: aggregates computed from <c>samples.jsonl</c>, never from anything else.</summary>
public sealed record MetricsReport
{
    public const string FileName = "metrics.json";

    public required string RunId { get; init; }
    public required IReadOnlyList<SuiteMetrics> Suites { get; init; }

    /// <summary>Every other model against the baseline (the first model of the run unless chosen), per suite.</summary>
    public IReadOnlyList<ModelComparison> Comparisons { get; init; } = [];

    /// <summary>Per model: tokens/sec and latency percentiles of the scored requests (<see cref="SampleTimings"/>).</summary>
    public IReadOnlyList<ModelTiming> Timing { get; init; } = [];

    /// <summary>Per model: tokens generated in the run and their estimated cost (<see cref="ModelUsage"/>).</summary>
    public IReadOnlyList<ModelUsage> Usage { get; init; } = [];
}
