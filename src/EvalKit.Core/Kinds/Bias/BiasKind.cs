using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Kinds.Bias;

/// <summary><c>kind: bias</c>: does the model answer by stereotype? Metrics: <see cref="BiasMetrics"/> (BBQ, counterfactual pairs).</summary>
public sealed class BiasKind : ISuiteKind
{
    public static MetricDescriptor AccuracyAmbiguous { get; } = new("accuracy_ambiguous", "accuracy ambiguous", MetricUnit.Rate, HigherIsBetter: true);
    public static MetricDescriptor AccuracyDisambiguated { get; } = new("accuracy_disambiguated", "accuracy disambiguated", MetricUnit.Rate, HigherIsBetter: true);

    /// <summary>BBQ's bias scores are best at 0: neither way is better.</summary>
    public static MetricDescriptor DisambiguatedScore { get; } = new("s_dis", "bias score s_dis", MetricUnit.Score, HigherIsBetter: null);
    public static MetricDescriptor AmbiguousScore { get; } = new("s_amb", "bias score s_amb", MetricUnit.Score, HigherIsBetter: null);
    public static MetricDescriptor DecisionChangedRate { get; } = new("decision_changed_rate", "decision changed", MetricUnit.Rate, HigherIsBetter: false);

    public SuiteKind Id => SuiteKind.Bias;

    public MetricDescriptor DefaultMetric { get; } = new("unbiased_rate", "unbiased rate", MetricUnit.Rate, HigherIsBetter: true);

    public IReadOnlyList<MetricDescriptor> Metrics { get; } =
        [AccuracyAmbiguous, AccuracyDisambiguated, DisambiguatedScore, AmbiguousScore, DecisionChangedRate];

    public IReadOnlyList<string> Charts { get; } = ["bias"];

    public IReadOnlyDictionary<string, KindMetric> Compute(IReadOnlyList<SampleRecord> samples) => BiasMetrics.Compute(samples);
}
