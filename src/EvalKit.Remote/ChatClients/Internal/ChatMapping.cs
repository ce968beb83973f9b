using EvalKit.Core.Backends;
using Microsoft.Extensions.AI;
using CoreChatMessage = EvalKit.Core.Suites.ChatMessage;

namespace EvalKit.Remote.ChatClients.Internal;

/// <summary>
/// The two directions between a <see cref="GenerationRequest"/> and Microsoft.Extensions.AI's messages and
/// <see cref="ChatOptions"/>. A raw prompt travels as one user message marked with
/// <see cref="BackendChatClient.RawPromptKey"/>, so an EvalKit backend behind the adapter gets it raw again;
/// thinking on/off travels as <see cref="ChatOptions.Reasoning"/> (effort none for off).
/// </summary>
internal static class ChatMapping
{
    public static (IList<ChatMessage> Messages, ChatOptions Options) ToChat(GenerationRequest request)
    {
        var parameters = request.Parameters;
        var options = new ChatOptions
        {
            MaxOutputTokens = parameters.MaxTokens,
            Temperature = parameters.Temperature,
            TopP = parameters.TopP,
            Seed = parameters.Seed,
            StopSequences = [.. parameters.Stop],
            Reasoning = parameters.Reasoning is { } on ? new ReasoningOptions { Effort = on ? ReasoningEffort.Medium : ReasoningEffort.None } : null,
        };
        if (request.Messages is { } messages)
            return ([.. messages.Select(m => new ChatMessage(new ChatRole(m.Role), m.Content))], options);
        options.AdditionalProperties = new() { [BackendChatClient.RawPromptKey] = true };
        var prompt = request.Prompt ?? throw new ArgumentException("A request needs a Prompt or Messages.", nameof(request));
        return ([new ChatMessage(ChatRole.User, prompt)], options);
    }

    /// <exception cref="NotSupportedException">A message holds something other than text, or tools are offered.</exception>
    public static GenerationRequest ToRequest(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (options?.Tools is { Count: > 0 })
            throw new NotSupportedException("An EvalKit backend answers with text only; it cannot call tools.");
        var defaults = new GenerationParameters();
        var parameters = new GenerationParameters
        {
            MaxTokens = options?.MaxOutputTokens ?? defaults.MaxTokens,
            Temperature = options?.Temperature ?? defaults.Temperature,
            TopP = options?.TopP ?? defaults.TopP,
            Seed = options?.Seed is { } seed ? unchecked((uint)seed) : defaults.Seed,
            Stop = options?.StopSequences is { } stops ? [.. stops] : [],
            Reasoning = options?.Reasoning?.Effort is { } effort ? effort != ReasoningEffort.None : null,
        };
        var turns = new List<CoreChatMessage>();
        if (options?.Instructions is { Length: > 0 } instructions)
            turns.Add(new CoreChatMessage("system", instructions));
        foreach (var message in messages)
        {
            if (message.Contents.Any(c => c is not TextContent))
                throw new NotSupportedException($"An EvalKit backend reads text only; a {message.Role} message holds {message.Contents.First(c => c is not TextContent).GetType().Name}.");
            turns.Add(new CoreChatMessage(message.Role.Value, message.Text));
        }
        var raw = options?.AdditionalProperties?.TryGetValue(BackendChatClient.RawPromptKey, out var mark) == true && mark is true;
        return raw && turns is [{ Role: "user" } only]
            ? GenerationRequest.Raw(only.Content, parameters)
            : GenerationRequest.Chat(turns, parameters);
    }

    public static ChatFinishReason FinishReasonOf(Completion completion) =>
        completion.FinishReason == FinishReason.Stop ? ChatFinishReason.Stop : ChatFinishReason.Length;

    public static UsageDetails UsageOf(Completion completion) => new()
    {
        InputTokenCount = completion.PromptTokens,
        OutputTokenCount = completion.CompletionTokens,
        TotalTokenCount = completion.PromptTokens + completion.CompletionTokens,
    };
}
