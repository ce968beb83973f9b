using EvalKit.Core.Backends;
using EvalKit.Core.Scoring;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// Reasoning tokens, answer tokens and time to first answer token of one completion, from its
/// <see cref="TokenTimeline"/> and its <see cref="ReasoningSplit"/>. A step that produces any character of the
/// reasoning block (open tag, reasoning, close tag) is reasoning, even when it also produces answer text; every
/// later step is answer, whitespace after the close tag included; a block that never closes makes every step
/// reasoning. The first answer token is the step that produces the answer's first non-whitespace character.
/// Nothing is guessed: without a timeline that describes the text every value is null, and the token counts are
/// null unless there is one step per counted completion token.
/// </summary>
internal static class AnswerTiming
{
    public static (int? ReasoningTokens, int? AnswerTokens, double? TimeToFirstAnswerTokenMs) Of(ReasoningSplit split, Completion completion)
    {
        if (completion.Timeline is not { } timeline || !timeline.Describes(completion.Text))
            return (null, null, null);

        var firstAnswer = split.AnswerStart is { } answerStart ? timeline.TimeOfCharacter(answerStart) : null;
        if (timeline.TextEnds.Count != completion.CompletionTokens)
            return (null, null, firstAnswer);

        var reasoning = 0;
        for (var i = 0; i < timeline.TextEnds.Count; i++)
        {
            var start = i == 0 ? 0 : timeline.TextEnds[i - 1];
            if (split.State == ReasoningState.Unclosed || start < split.ReasoningEnd)
                reasoning++;
        }
        return (reasoning, timeline.TextEnds.Count - reasoning, firstAnswer);
    }
}
