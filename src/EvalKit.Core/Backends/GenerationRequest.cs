using EvalKit.Core.Suites;

namespace EvalKit.Core.Backends;

/// <summary>
/// What to generate from: either a raw <see cref="Prompt"/> (no template) or chat
/// <see cref="Messages"/> that the backend renders with the model's chat template.
/// </summary>
public sealed record GenerationRequest
{
    public string? Prompt { get; init; }
    public IReadOnlyList<ChatMessage>? Messages { get; init; }
    public GenerationParameters Parameters { get; init; } = new();

    public static GenerationRequest Raw(string prompt, GenerationParameters parameters) =>
        new() { Prompt = prompt, Parameters = parameters };

    public static GenerationRequest Chat(IReadOnlyList<ChatMessage> messages, GenerationParameters parameters) =>
        new() { Messages = messages, Parameters = parameters };
}
