using EvalKit.Core.Metrics;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Kinds.Custom;

/// <summary><c>kind: custom</c>: anything else; its suites report the share of samples scored right as <c>accuracy</c>.</summary>
public sealed class CustomKind : ISuiteKind
{
    public SuiteKind Id => SuiteKind.Custom;

    public MetricDescriptor DefaultMetric { get; } = new("accuracy", "accuracy", MetricUnit.Rate, HigherIsBetter: true);
}
