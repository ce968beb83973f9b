namespace EvalKit.Core.Backends;

/// <summary>Why generation ended: an end-of-sequence token or stop string, or the token limit.</summary>
public enum FinishReason
{
    Stop,
    Length,

    /// <summary>The answer outgrew <see cref="AnswerLimit"/> and was cut there (recorded as <c>length_capped</c>).</summary>
    LengthCapped,
}
