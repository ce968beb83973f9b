using EvalKit.Core.Backends;

namespace EvalKit.Llama.Fidelity;

/// <summary>
/// One sequence to compare the models on: either a <see cref="Prompt"/> that the teacher continues greedily (the
/// student is then scored on the teacher's own completion), or a <see cref="Text"/> scored as it is.
/// </summary>
public sealed record FidelityInput
{
    /// <summary>Names the sequence in the report (a case id, a paragraph number).</summary>
    public required string Id { get; init; }

    public GenerationRequest? Prompt { get; init; }

    public string? Text { get; init; }

    /// <summary>
    /// Cross-tokenizer fidelity: the answer a reply gives, as the case's scorer extracts it (a letter, a number), or
    /// null when it extracts none; answers are then compared by it rather than by their normalised text.
    /// </summary>
    public Func<string, string?>? ExtractAnswer { get; init; }

    public static FidelityInput FromPrompt(string id, GenerationRequest prompt) => new() { Id = id, Prompt = prompt };

    public static FidelityInput FromText(string id, string text) => new() { Id = id, Text = text };
}
