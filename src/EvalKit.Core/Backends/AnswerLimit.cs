namespace EvalKit.Core.Backends;

/// <summary>
/// The most text any backend keeps of one answer: <see cref="CharsPerToken"/> characters per requested token, never
/// more than <see cref="MaxChars"/>. Model output is untrusted; a server (or a model with huge token pieces) that
/// sends far more than was asked for is cut here, and the answer's finish reason says so
/// (<see cref="FinishReason.LengthCapped"/>).
/// </summary>
public static class AnswerLimit
{
    /// <summary>Characters allowed per token of max_tokens: real tokens average about 4 characters.</summary>
    public const int CharsPerToken = 32;

    /// <summary>The absolute limit, also the limit when max_tokens is 0 or unset: 1 MiB of characters.</summary>
    public const int MaxChars = 1 << 20;

    /// <summary>The limit for an answer of at most <paramref name="maxTokens"/> tokens.</summary>
    public static int Chars(int maxTokens) =>
        maxTokens <= 0 ? MaxChars : (int)Math.Min(MaxChars, (long)maxTokens * CharsPerToken);
}
