using EvalKit.Core.Backends;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// Splits reasoning off a completion (when the suite allows) and scores the answer alone. A block that never
/// closes is labelled <c>unclosed_reasoning</c> instead of being scored as a wrong answer.
/// </summary>
internal static class AnswerScoring
{
    /// <returns>The score, the split to record (null when splitting is off or found nothing of note), and thought suppression.</returns>
    public static (Score Score, ReasoningSplit? Split, bool Suppressed) Score(
        Suite suite, EvalCase evalCase, IScorer scorer, Completion completion)
    {
        if (suite.Defaults.Reasoning is not { } format)
            return (scorer.Score(evalCase, completion.Text), null, false);

        var splitter = new ReasoningSplitter(format);
        var split = splitter.Split(completion.Text, splitter.PromptOpensBlock(completion.RenderedPrompt));
        var suppressed = format.Expected && split.State is ReasoningState.Empty or ReasoningState.Missing;
        // Without a block, and with none expected, there is nothing worth recording about reasoning.
        var recorded = split.State == ReasoningState.Missing && !format.Expected ? null : split;
        if (split.State != ReasoningState.Unclosed)
            return (scorer.Score(evalCase, split.Answer), recorded, suppressed);

        var why = completion.FinishReason is FinishReason.Length or FinishReason.LengthCapped ? " before max_tokens ran out" : "";
        return (new Score(0, ScoreLabel.UnclosedReasoning, $"the reasoning never closed with '{format.Close}'{why}; no answer to score"),
            split, suppressed);
    }
}
