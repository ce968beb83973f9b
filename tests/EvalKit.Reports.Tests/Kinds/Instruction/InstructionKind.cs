using EvalKit.Core.Kinds;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Suites;

namespace EvalKit.Reports.Tests.Kinds.Instruction;

/// <summary>
/// An example suite kind, whole in this folder: <c>kind: instruction</c>, "does the model do what the prompt asks?".
/// Its default metric is the share of answers scored right (<c>followed_rate</c>); its own metrics are
/// <see cref="InstructionMetrics"/>. Listing it in a catalog (<c>SuiteKindCatalog.Default.With(new InstructionKind())</c>)
/// is all the loader, the metrics calculator and every writer need.
/// </summary>
public sealed class InstructionKind : ISuiteKind
{
    public static MetricDescriptor TruncatedRate { get; } = new("truncated_rate", "cut off at max tokens", MetricUnit.Rate, HigherIsBetter: false);
    public static MetricDescriptor EmptyAnswerRate { get; } = new("empty_answer_rate", "empty answer", MetricUnit.Rate, HigherIsBetter: false);

    public SuiteKind Id { get; } = new("instruction");

    public MetricDescriptor DefaultMetric { get; } = new("followed_rate", "instruction followed", MetricUnit.Rate, HigherIsBetter: true);

    public IReadOnlyList<MetricDescriptor> Metrics { get; } = [TruncatedRate, EmptyAnswerRate];

    public IReadOnlyDictionary<string, KindMetric> Compute(IReadOnlyList<SampleRecord> samples) => InstructionMetrics.Compute(samples);
}
