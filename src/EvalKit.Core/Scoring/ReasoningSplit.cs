namespace EvalKit.Core.Scoring;

/// <summary>
/// A completion split into reasoning and answer, both trimmed. <see cref="Answer"/> is what scorers see: the
/// whole completion, untouched, when there is no reasoning block; empty when the block never closes.
/// </summary>
public sealed record ReasoningSplit(ReasoningState State, string Reasoning, string Answer)
{
    /// <summary>
    /// Offset in the completion just past the reasoning block's close tag: 0 without a block, the completion's length
    /// when the block never closes. Everything before it (open tag, reasoning, close tag) is reasoning.
    /// </summary>
    public int ReasoningEnd { get; init; }

    /// <summary>Offset in the completion of the answer's first non-whitespace character; null when there is no answer text.</summary>
    public int? AnswerStart { get; init; }
}
