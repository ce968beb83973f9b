using EvalKit.Core.Statistics;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Metrics;

/// <summary>
/// One model on one suite: its default metric over scored samples (failed requests are counted in
/// <see cref="Errors"/> and left out of the rate), the count of each label, and the metric per tag.
/// </summary>
public sealed record SuiteMetrics
{
    public required string Model { get; init; }
    public required string Suite { get; init; }
    public required SuiteKind Kind { get; init; }
    public required string Metric { get; init; }
    public required RateEstimate Estimate { get; init; }
    public int Samples { get; init; }
    public int Errors { get; init; }
    public IReadOnlyDictionary<string, int> Labels { get; init; } = new Dictionary<string, int>();
    public IReadOnlyList<TagMetrics> ByTag { get; init; } = [];

    /// <summary>Length-normalised accuracy (lm-evaluation-harness's acc_norm) of <c>choice_loglik</c> samples; null for other scorers.</summary>
    public RateEstimate? AccNorm { get; init; }
}
