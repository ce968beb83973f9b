using System.Runtime.CompilerServices;
using EvalKit.Core.Backends;
using EvalKit.Remote.ChatClients;
using Microsoft.Extensions.AI;

namespace EvalKit.Remote.Tests.ChatClients;

/// <summary>What <see cref="ChatClientBackend"/> makes of a chat client's updates: reasoning, usage, limits, options.</summary>
public sealed class ChatClientBackendTests
{
    [Fact]
    public async Task Reasoning_reported_apart_comes_back_in_a_think_block_and_usage_is_added_up()
    {
        // Given a client that reasons in two updates, answers in one and reports usage in two parts
        using var client = new ScriptedChatClient(
            new ChatResponseUpdate(ChatRole.Assistant, [new TextReasoningContent("two and"), new UsageContent(new UsageDetails { InputTokenCount = 5 })]),
            new ChatResponseUpdate(ChatRole.Assistant, [new TextReasoningContent(" two")]),
            new ChatResponseUpdate(ChatRole.Assistant, "4") { FinishReason = ChatFinishReason.Stop },
            new ChatResponseUpdate(ChatRole.Assistant, [new UsageContent(new UsageDetails { OutputTokenCount = 3 })]));
        await using var backend = client.AsBackend();

        // When asked for a chat answer that may think
        var completion = await backend.GenerateAsync(GenerationRequest.Chat([new("user", "2+2?")], new GenerationParameters { MaxTokens = 9, Reasoning = true }));

        // Then
        Assert.Equal("<think>two and two</think>4", completion.Text);
        Assert.Equal((5, 3, false), (completion.PromptTokens, completion.CompletionTokens, completion.TokenCountsEstimated));
        Assert.Equal(FinishReason.Stop, completion.FinishReason);
        var options = client.LastOptions!;
        Assert.Equal((9, 0f, ReasoningEffort.Medium), (options.MaxOutputTokens, options.Temperature, options.Reasoning!.Effort));
        Assert.Null(options.AdditionalProperties);
    }

    [Fact]
    public async Task An_answer_past_the_limit_is_cut_there_and_the_client_is_stopped()
    {
        // Given a client that never stops talking
        using var client = new ScriptedChatClient(Enumerable.Repeat(new ChatResponseUpdate(ChatRole.Assistant, new string('x', 1000)), 10_000).ToArray());
        await using var backend = client.AsBackend("chatty");

        // When asked for two tokens
        var completion = await backend.GenerateAsync(GenerationRequest.Raw("go", new GenerationParameters { MaxTokens = 2 }));

        // Then the answer is cut at the limit, marked so, and the client was not read to the end
        Assert.Equal(AnswerLimit.Chars(2), completion.Text.Length);
        Assert.Equal(FinishReason.LengthCapped, completion.FinishReason);
        Assert.True(completion.TokenCountsEstimated);
        Assert.True(client.Sent < 10, $"{client.Sent} updates sent");
        Assert.Equal(true, client.LastOptions!.AdditionalProperties![BackendChatClient.RawPromptKey]);
        Assert.Equal("go", completion.RenderedPrompt);
    }

    private sealed class ScriptedChatClient(params ChatResponseUpdate[] updates) : IChatClient
    {
        public ChatOptions? LastOptions { get; private set; }

        public int Sent { get; private set; }

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            LastOptions = options;
            foreach (var update in updates)
            {
                await Task.Yield();
                cancellationToken.ThrowIfCancellationRequested();
                Sent++;
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, "scripted-model") : null;

        public void Dispose()
        {
        }
    }
}
