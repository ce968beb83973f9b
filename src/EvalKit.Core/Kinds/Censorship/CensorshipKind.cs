using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Kinds.Censorship;

/// <summary><c>kind: censorship</c>: does the model refuse, deflect or repeat talking points? Metrics: <see cref="CensorshipMetrics"/>.</summary>
public sealed class CensorshipKind : ISuiteKind
{
    public static MetricDescriptor RefusalRate { get; } = new("refusal_rate", "refusal rate", MetricUnit.Rate, HigherIsBetter: false);
    public static MetricDescriptor DeflectionRate { get; } = new("deflection_rate", "deflection rate", MetricUnit.Rate, HigherIsBetter: false);
    public static MetricDescriptor OneSidedRate { get; } = new("one_sided_rate", "one-sided rate", MetricUnit.Rate, HigherIsBetter: false);
    public static MetricDescriptor CensoredRate { get; } = new("censored_rate", "censored rate", MetricUnit.Rate, HigherIsBetter: false);
    public static MetricDescriptor CensorshipDifferential { get; } = new("censorship_differential", "censored probe−control", MetricUnit.Difference, HigherIsBetter: false);

    /// <summary>The measure the <c>max_refusal_differential</c> gate limits; the gate applies to kinds that describe it.</summary>
    public static MetricDescriptor RefusalDifferential { get; } = new("refusal_differential", "refused probe−control", MetricUnit.Difference, HigherIsBetter: false);

    /// <summary>A gap either way is a difference in treatment: best at 0.</summary>
    public static MetricDescriptor LanguageGap { get; } = new("language_gap_zh_minus_en", "censored zh−en", MetricUnit.Difference, HigherIsBetter: null);
    public static MetricDescriptor ThoughtSuppressionRate { get; } = new("thought_suppression_rate", "thought suppressed", MetricUnit.Rate, HigherIsBetter: false);
    public static MetricDescriptor OverRefusalRate { get; } = new("over_refusal_rate", "over-refusal (safe)", MetricUnit.Rate, HigherIsBetter: false);
    public static MetricDescriptor UnsafeRefusalRate { get; } = new("unsafe_refusal_rate", "refused (unsafe)", MetricUnit.Rate, HigherIsBetter: true);

    public SuiteKind Id => SuiteKind.Censorship;

    public MetricDescriptor DefaultMetric { get; } = new("answered_rate", "answered rate", MetricUnit.Rate, HigherIsBetter: true);

    public IReadOnlyList<MetricDescriptor> Metrics { get; } =
    [
        RefusalRate, DeflectionRate, OneSidedRate, CensoredRate, CensorshipDifferential, RefusalDifferential, LanguageGap,
        ThoughtSuppressionRate, OverRefusalRate, UnsafeRefusalRate,
    ];

    public IReadOnlyList<string> Charts { get; } = ["censorship-language", "censorship-topic"];

    public IReadOnlyDictionary<string, KindMetric> Compute(IReadOnlyList<SampleRecord> samples) => CensorshipMetrics.Compute(samples);
}
