using EvalKit.Core.Backends;
using EvalKit.Remote.ChatClients;
using EvalKit.TestSupport;
using Microsoft.Extensions.AI;
using CoreChatMessage = EvalKit.Core.Suites.ChatMessage;

namespace EvalKit.Remote.Tests.ChatClients;

/// <summary><c>backend.AsChatClient()</c> and <c>chatClient.AsBackend()</c> on a real model, locally and over HTTP.</summary>
public sealed class ChatClientAdapterTests(ServedStoriesFixture served) : IClassFixture<ServedStoriesFixture>
{
    private static readonly GenerationParameters _greedy = new() { MaxTokens = 12, Temperature = 0 };

    public static TheoryData<string, bool> Backends => new() { { "local", false }, { "local", true }, { "remote", false }, { "remote", true } };

    private IModelBackend Pick(string which) => which == "local" ? served.Local : served.Remote;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_backend_through_both_adapters_gives_the_same_answers_and_counts(string which, bool chat)
    {
        // Given a backend and the same backend behind an IChatClient and back
        var backend = Pick(which);
        var adapted = backend.AsChatClient().AsBackend();
        var request = chat
            ? GenerationRequest.Chat([new CoreChatMessage("system", "You tell stories."), new CoreChatMessage("user", "A story about a cat.")], _greedy)
            : GenerationRequest.Raw("Once upon a time", _greedy);

        // When both answer
        var direct = await backend.GenerateAsync(request);
        var roundTrip = await adapted.GenerateAsync(request);

        // Then text, finish reason and token usage are the same
        Assert.False(string.IsNullOrWhiteSpace(direct.Text));
        Assert.Equal(direct.Text, roundTrip.Text);
        Assert.Equal(direct.FinishReason, roundTrip.FinishReason);
        Assert.Equal((direct.PromptTokens, direct.CompletionTokens), (roundTrip.PromptTokens, roundTrip.CompletionTokens));
        Assert.False(roundTrip.TokenCountsEstimated);
        Assert.True(roundTrip.Timeline!.Describes(roundTrip.Text));
    }

    [Fact]
    public async Task The_chat_client_streams_pieces_that_join_to_the_whole_answer_with_usage_at_the_end()
    {
        // Given a local model as an IChatClient
        using var client = served.Local.AsChatClient();
        var options = new ChatOptions { MaxOutputTokens = 16, Temperature = 0, AdditionalProperties = new() { [BackendChatClient.RawPromptKey] = true } };
        List<ChatMessage> prompt = [new(ChatRole.User, "The little dog")];

        // When asked whole and streamed
        var whole = await client.GetResponseAsync(prompt, options);
        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(prompt, options))
            updates.Add(update);

        // Then the stream came in several pieces that join to the whole answer, and both carry the same usage
        Assert.True(updates.Count(u => u.Text.Length > 0) > 1, $"{updates.Count} updates");
        var streamed = updates.ToChatResponse();
        Assert.Equal(whole.Text, streamed.Text);
        Assert.Equal(ChatFinishReason.Length, whole.FinishReason);
        Assert.Equal(ChatFinishReason.Length, streamed.FinishReason);
        Assert.Equal(16, whole.Usage!.OutputTokenCount);
        Assert.Equal((whole.Usage.InputTokenCount, whole.Usage.OutputTokenCount), (streamed.Usage!.InputTokenCount, streamed.Usage.OutputTokenCount));
        Assert.Equal("stories", client.GetService<ChatClientMetadata>()!.DefaultModelId);
        Assert.Same(served.Local, client.GetService(typeof(IModelBackend)));
    }

    [Fact]
    public async Task A_chat_client_pipeline_wraps_the_backend_and_is_evaluated_as_one()
    {
        // Given MEAI middleware (a delegating client that counts calls) around the local model's chat client
        var counting = new CountingChatClient(served.Local.AsChatClient());
        var backend = counting.AsBackend("stories-through-meai");

        // When evaluated like any backend
        var completion = await backend.GenerateAsync(GenerationRequest.Raw("She had a red ball", _greedy));

        // Then the call went through the middleware and the answer is the model's own
        Assert.Equal(1, counting.Calls);
        Assert.Equal((await served.Local.GenerateAsync(GenerationRequest.Raw("She had a red ball", _greedy))).Text, completion.Text);
        Assert.Equal(("stories-through-meai", "ichatclient"), (backend.Info.Name, backend.Info.Backend));
    }

    [Fact]
    public async Task Tools_and_non_text_content_are_refused()
    {
        using var client = served.Local.AsChatClient();

        await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync(
            [new ChatMessage(ChatRole.User, [new DataContent(new byte[] { 1 }, "image/png")])]));
        await Assert.ThrowsAsync<NotSupportedException>(() => client.GetResponseAsync(
            "Hi", new ChatOptions { Tools = [AIFunctionFactory.Create(() => 1, "one")] }));
    }

    private sealed class CountingChatClient(IChatClient inner) : DelegatingChatClient(inner)
    {
        public int Calls { get; private set; }

        public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls++;
            return base.GetStreamingResponseAsync(messages, options, cancellationToken);
        }
    }
}
