using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// <c>simpleqa</c>: SimpleQA-style grading (Wei et al. 2024) of short factual answers as <c>correct</c>,
/// <c>incorrect</c> or not attempted (label <c>abstained</c>), by rules rather than a grader model.
/// An answerable case is correct when the reply contains an expected answer (as <c>contains</c> does; a hedge around
/// it is fine), abstained when <see cref="AbstentionDetector"/> finds no attempt, and otherwise incorrect.
/// A case tagged <c>type: probe</c> asks about something that does not exist: abstaining is the right answer
/// (value 1) and any attempted answer is a hallucination (<c>incorrect</c>, value 0). A probe's <c>expected</c>
/// list, if any, adds phrases that also count as abstaining. A blank reply is not attempted, value 0.
/// </summary>
public sealed class SimpleQaScorer : IScorer
{
    public string Name => "simpleqa";

    /// <summary>True for a case with no true answer (tag <c>type: probe</c>).</summary>
    public static bool IsProbe(EvalCase evalCase) =>
        evalCase.Tags.TryGetValue("type", out var type) && type.Equals("probe", StringComparison.OrdinalIgnoreCase);

    public Score Score(EvalCase evalCase, string completion)
    {
        if (string.IsNullOrWhiteSpace(completion))
            return new Score(0, ScoreLabel.Abstained, "blank reply: not attempted");
        return IsProbe(evalCase) ? Probe(evalCase, completion) : Answerable(evalCase, completion);
    }

    private static Score Probe(EvalCase evalCase, string completion)
    {
        if ((AbstentionDetector.Find(completion) ?? ExpectedText.FirstIn(completion, evalCase.Expected)) is { } phrase)
            return new Score(1, ScoreLabel.Abstained, $"abstained ({ReasonText.Quote(phrase)}) on a question with no true answer");
        return Scoring.Score.Incorrect("attempted an answer to a question with no true answer: a hallucination");
    }

    private Score Answerable(EvalCase evalCase, string completion)
    {
        var expected = ExpectedText.NonBlank(evalCase.Expected);
        if (expected.Count == 0)
            return ReasonText.Unknown($"scorer '{Name}' needs a non-blank 'expected' answer, or the tag 'type: probe' for a question with no true answer");
        if (ExpectedText.FirstIn(completion, expected) is { } found)
            return Scoring.Score.Correct($"contains {ReasonText.Quote(found)}");
        if (AbstentionDetector.Find(completion) is { } phrase)
            return new Score(0, ScoreLabel.Abstained, $"abstained ({ReasonText.Quote(phrase)}) on an answerable question");
        return Scoring.Score.Incorrect($"attempted, but contains none of {ReasonText.QuoteList(expected)}");
    }
}
