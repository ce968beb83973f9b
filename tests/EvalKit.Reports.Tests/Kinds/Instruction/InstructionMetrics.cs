using EvalKit.Core.Metrics;
using EvalKit.Core.Results;

namespace EvalKit.Reports.Tests.Kinds.Instruction;

/// <summary>
/// Metrics of an instruction suite, over the samples whose request worked: <c>truncated_rate</c> = answers that hit
/// the token limit (finish reason <c>length</c> or <c>length_capped</c>) / answers, and <c>empty_answer_rate</c> = answers with no text after
/// the reasoning / answers, each with a Wilson interval.
/// </summary>
public static class InstructionMetrics
{
    public static IReadOnlyDictionary<string, KindMetric> Compute(IReadOnlyList<SampleRecord> samples)
    {
        var answered = samples.Where(s => s.Error is null).ToList();
        return new OrderedDictionary<string, KindMetric>
        {
            [InstructionKind.TruncatedRate.Name] = KindMetric.Rate(answered.Count(s => s.FinishReason is "length" or "length_capped"), answered.Count),
            [InstructionKind.EmptyAnswerRate.Name] = KindMetric.Rate(answered.Count(s => string.IsNullOrWhiteSpace(s.Completion)), answered.Count),
        };
    }
}
