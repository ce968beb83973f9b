using EvalKit.Core.Statistics;

namespace EvalKit.Core.Metrics;

/// <summary>A suite's default metric restricted to the samples carrying one tag (<c>key=value</c>, or <c>key</c> for a bare tag).</summary>
public sealed record TagMetrics(string Tag, RateEstimate Estimate);
