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

    /// <summary>The kind's own metrics by name (hallucination, bias and censorship suites; docs/metrics.md).</summary>
    public IReadOnlyDictionary<string, KindMetric> KindMetrics { get; init; } = new Dictionary<string, KindMetric>();
    /// <summary>pass@k for k in {1, 5, 10} up to the fewest samples of a case (see <see cref="RepeatStatistics.PassAtK"/>).</summary>
    public IReadOnlyDictionary<int, double> PassAtK { get; init; } = new Dictionary<int, double>();

    /// <summary>Per-case variation across repeats; null when the run had one repeat.</summary>
    public RepeatVariance? Repeats { get; init; }

    /// <summary>Agreement of the suite's judge with the rule-based scorer; null when the suite has no judge.</summary>
    public JudgeAgreement? Judge { get; init; }
}
