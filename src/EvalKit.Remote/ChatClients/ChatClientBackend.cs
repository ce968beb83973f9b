using System.Diagnostics;
using EvalKit.Core.Backends;
using EvalKit.Remote.ChatClients.Internal;
using EvalKit.Remote.Internal;
using Microsoft.Extensions.AI;

namespace EvalKit.Remote.ChatClients;

/// <summary>
/// Any Microsoft.Extensions.AI <see cref="IChatClient"/> as an <see cref="IModelBackend"/>, so it can be evaluated.
/// Every request is streamed, so time to first token and the <see cref="TokenTimeline"/> (one step per text update)
/// are measured as for an endpoint; reasoning the client reports apart (<see cref="TextReasoningContent"/>) is put
/// back in a <c>&lt;think&gt;</c> block in front of the answer, as <see cref="OpenAiBackend"/> does with
/// <c>reasoning_content</c>; the answer is cut at <see cref="AnswerLimit"/>. Token counts come from the client's
/// <see cref="UsageContent"/>, else are estimated and marked so. A raw prompt goes as one user message marked
/// <see cref="BackendChatClient.RawPromptKey"/> (an EvalKit backend behind <see cref="BackendChatClient"/> gets it
/// raw; other clients apply their chat template). Concurrent calls go straight to the client. The backend does not
/// own the client: dispose it yourself.
/// </summary>
public sealed class ChatClientBackend : IModelBackend
{
    private readonly IChatClient _client;

    /// <param name="client">The chat client to evaluate.</param>
    /// <param name="name">The name recorded in results; defaults to the client's model id.</param>
    public ChatClientBackend(IChatClient client, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        var metadata = client.GetService<ChatClientMetadata>();
        var model = metadata?.DefaultModelId ?? "chat-client";
        Info = new ModelInfo
        {
            Name = name ?? model,
            Backend = "ichatclient",
            Source = $"ichatclient:{metadata?.ProviderName ?? client.GetType().Name}#{model}",
            Details = new Dictionary<string, string>
            {
                ["client"] = client.GetType().FullName ?? client.GetType().Name,
                ["provider"] = metadata?.ProviderName ?? "",
                ["provider_uri"] = metadata?.ProviderUri?.ToString() ?? "",
            },
        };
    }

    public ModelInfo Info { get; }

    public async Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (messages, options) = ChatMapping.ToChat(request);
        var clock = Stopwatch.StartNew();
        var answer = new AnswerText(AnswerLimit.Chars(request.Parameters.MaxTokens), clock);
        UsageDetails? usage = null;
        ChatFinishReason? finish = null;
        // Cancelled once the answer reaches the limit, so the client stops producing it.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await foreach (var update in _client.GetStreamingResponseAsync(messages, options, stop.Token))
            {
                finish = update.FinishReason ?? finish;
                foreach (var content in update.Contents)
                {
                    if (content is UsageContent { Details: { } details })
                        (usage ??= new UsageDetails()).Add(details);
                }
                var reasoning = string.Concat(update.Contents.OfType<TextReasoningContent>().Select(c => c.Text));
                if (!answer.Add(reasoning, update.Text))
                {
                    await stop.CancelAsync();
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // the answer was cut at the limit
        }
        var promptText = request.Prompt ?? string.Concat(request.Messages!.Select(m => m.Content));
        var counts = usage is { InputTokenCount: { } input, OutputTokenCount: { } output } ? ((int)input, (int)output) : ((int, int)?)null;
        var completion = answer.Complete(finish == ChatFinishReason.Length ? "length" : null, counts, promptText);
        return request.Prompt is { } raw ? completion with { RenderedPrompt = raw } : completion;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
