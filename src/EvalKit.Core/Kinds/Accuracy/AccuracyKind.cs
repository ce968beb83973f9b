using EvalKit.Core.Metrics;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Kinds.Accuracy;

/// <summary><c>kind: accuracy</c>: how often the model gets the answer right; no metrics beyond the default.</summary>
public sealed class AccuracyKind : ISuiteKind
{
    public static MetricDescriptor AccuracyMetric { get; } = new("accuracy", "accuracy", MetricUnit.Rate, HigherIsBetter: true);

    public SuiteKind Id => SuiteKind.Accuracy;

    public MetricDescriptor DefaultMetric => AccuracyMetric;
}
