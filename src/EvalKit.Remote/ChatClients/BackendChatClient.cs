using System.Runtime.CompilerServices;
using EvalKit.Core.Backends;
using EvalKit.Remote.ChatClients.Internal;
using EvalKit.Remote.Internal;
using Microsoft.Extensions.AI;

namespace EvalKit.Remote.ChatClients;

/// <summary>
/// Any <see cref="IModelBackend"/> as Microsoft.Extensions.AI's <see cref="IChatClient"/>, so MEAI's pipeline
/// (response caching, OpenTelemetry, the evaluation libraries) can wrap an EvalKit model. Text only: messages are
/// rendered with the model's chat template, a request marked <see cref="RawPromptKey"/> is sent raw; unset options
/// take EvalKit's defaults (greedy, 128 tokens, seed 42). A streaming backend streams; token usage comes as
/// <see cref="ChatResponse.Usage"/> (or a <see cref="UsageContent"/> at the end of a stream), and the backend's
/// <see cref="Completion"/> as the raw representation. The client does not own the backend: dispose it yourself.
/// </summary>
public sealed class BackendChatClient(IModelBackend backend) : IChatClient
{
    /// <summary>
    /// A <see cref="ChatOptions.AdditionalProperties"/> key: <c>true</c> with a single user message sends its text as
    /// a raw prompt (no chat template). <see cref="ChatClientBackend"/> sets it for raw prompts.
    /// </summary>
    public const string RawPromptKey = "evalkit_raw_prompt";

    private readonly ChatClientMetadata _metadata = new("evalkit", null, backend.Info.Name);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var completion = await backend.GenerateAsync(ChatMapping.ToRequest(messages, options), cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, completion.Text))
        {
            ModelId = backend.Info.Name,
            FinishReason = ChatMapping.FinishReasonOf(completion),
            Usage = ChatMapping.UsageOf(completion),
            CreatedAt = DateTimeOffset.UtcNow,
            RawRepresentation = completion,
        };
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = ChatMapping.ToRequest(messages, options);
        var id = Guid.NewGuid().ToString("N");
        await foreach (var piece in BackendStream.GenerateAsync(backend, request, cancellationToken))
        {
            var update = piece.Completion is { } completion
                ? new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(ChatMapping.UsageOf(completion))])
                {
                    FinishReason = ChatMapping.FinishReasonOf(completion),
                    RawRepresentation = completion,
                }
                : new ChatResponseUpdate(ChatRole.Assistant, piece.Text);
            update.ModelId = backend.Info.Name;
            update.ResponseId = id;
            update.MessageId = id;
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
            return null;
        if (serviceType == typeof(ChatClientMetadata))
            return _metadata;
        return serviceType.IsInstanceOfType(this) ? this : serviceType.IsInstanceOfType(backend) ? backend : null;
    }

    public void Dispose()
    {
    }
}
