namespace EvalKit.Remote.Wire;

/// <summary>
/// Legacy completions log-probabilities: per token its text, log-probability (null for a first token that has no
/// context), top alternatives, and offset into the choice's text counted in code points (as servers written in
/// Python count them).
/// </summary>
public sealed record WireLogProbs
{
    public IReadOnlyList<string>? Tokens { get; init; }

    public IReadOnlyList<double?>? TokenLogprobs { get; init; }

    public IReadOnlyList<Dictionary<string, double>?>? TopLogprobs { get; init; }

    public IReadOnlyList<int>? TextOffset { get; init; }
}
