using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Kinds.Hallucination;

/// <summary><c>kind: hallucination</c>: does the model make things up? Metrics: <see cref="HallucinationMetrics"/>.</summary>
public sealed class HallucinationKind : ISuiteKind
{
    public static MetricDescriptor HallucinationRate { get; } = new("hallucination_rate", "hallucination rate", MetricUnit.Rate, HigherIsBetter: false);
    public static MetricDescriptor AbstentionRate { get; } = new("abstention_rate", "abstention rate", MetricUnit.Rate, HigherIsBetter: null);
    public static MetricDescriptor ProbeHallucinationRate { get; } = new("probe_hallucination_rate", "invented on probes", MetricUnit.Rate, HigherIsBetter: false);
    public static MetricDescriptor ControlAbstentionRate { get; } = new("control_abstention_rate", "over-abstention", MetricUnit.Rate, HigherIsBetter: false);
    public static MetricDescriptor DetectionErrorRate { get; } = new("detection_error_rate", "detection error (1 − accuracy)", MetricUnit.Rate, HigherIsBetter: false);

    public SuiteKind Id => SuiteKind.Hallucination;

    public MetricDescriptor DefaultMetric { get; } = new("correct_rate", "correct rate", MetricUnit.Rate, HigherIsBetter: true);

    public IReadOnlyList<MetricDescriptor> Metrics { get; } =
        [DetectionErrorRate, HallucinationRate, AbstentionRate, ProbeHallucinationRate, ControlAbstentionRate];

    public IReadOnlyList<string> Charts { get; } = ["hallucination"];

    public IReadOnlyDictionary<string, KindMetric> Compute(IReadOnlyList<SampleRecord> samples) => HallucinationMetrics.Compute(samples);
}
