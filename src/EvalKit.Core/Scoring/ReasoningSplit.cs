namespace EvalKit.Core.Scoring;

/// <summary>
/// A completion split into reasoning and answer, both trimmed. <see cref="Answer"/> is what scorers see: the
/// whole completion, untouched, when there is no reasoning block; empty when the block never closes.
/// </summary>
public sealed record ReasoningSplit(ReasoningState State, string Reasoning, string Answer);
