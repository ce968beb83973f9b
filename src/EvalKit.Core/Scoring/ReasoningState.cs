namespace EvalKit.Core.Scoring;

/// <summary>What a completion's reasoning block looked like.</summary>
public enum ReasoningState
{
    /// <summary>No reasoning block: the whole completion is the answer.</summary>
    Missing,

    /// <summary>A block that holds nothing but whitespace, then the answer.</summary>
    Empty,

    /// <summary>A block with reasoning in it, closed, then the answer.</summary>
    Closed,

    /// <summary>A block that never closes (typically out of tokens): there is no answer to score.</summary>
    Unclosed,
}
