namespace EvalKit.Llama.Fixtures;

/// <summary>
/// One programmed behaviour: greedy raw completion of <see cref="Prompt"/> (BOS added, no chat template)
/// yields exactly <see cref="Response"/>, then end-of-sequence. <see cref="Source"/> says where the pair
/// was declared, for error messages ("pairs[3]", "suite demo-accuracy, case capital-france").
/// </summary>
public sealed record FixturePair(string Prompt, string Response, string Source = "")
{
    /// <summary>
    /// The response as several generated tokens, in order (their concatenation is <see cref="Response"/>); null for the
    /// usual single token. Each token may follow only one other token in the whole spec, since the model's next token
    /// depends on its last token alone.
    /// </summary>
    public IReadOnlyList<string>? ResponseTokens { get; init; }

    /// <summary>A pair whose response is generated as the given tokens, one after another.</summary>
    public static FixturePair Tokens(string prompt, params string[] tokens) =>
        new(prompt, string.Concat(tokens)) { ResponseTokens = tokens };
}
