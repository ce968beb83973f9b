using EvalKit.Core.Backends;
using EvalKit.Core.Suites;

namespace EvalKit.Llama.Tests.Backend;

public sealed class LlamaBackendGenerationTests(StoriesModelFixture model) : IClassFixture<StoriesModelFixture>
{
    // ../shared/models/README.md wraps this text; the model writes a newline before "Lily's mom said".
    // The completion starts with "," — no leading space: only the prompt's first SentencePiece token carries one.
    private const string GreedyStory =
        ", there was a little girl named Lily. She loved to play outside in the park. One day, she saw a big, " +
        "red ball. She wanted to play with it, but it was too high.\nLily's mom said";

    private LlamaBackend Backend => model.Backend;

    private static GenerationRequest Story(GenerationParameters parameters) => GenerationRequest.Raw("Once upon a time", parameters);

    [Fact]
    public async Task Greedy_continuation_reproduces_the_documented_story()
    {
        var completion = await Backend.GenerateAsync(Story(new() { MaxTokens = 64 }));

        Assert.Equal(GreedyStory, completion.Text);
        Assert.Equal(FinishReason.Length, completion.FinishReason);
        Assert.Equal(64, completion.CompletionTokens);
        Assert.Equal(5, completion.PromptTokens); // BOS + 4 tokens
        Assert.Equal("Once upon a time", completion.RenderedPrompt);
    }

    [Fact]
    public async Task Same_seed_gives_byte_identical_samples_and_another_seed_differs()
    {
        var seed1 = new GenerationParameters { MaxTokens = 48, Temperature = 0.8f, Seed = 1 };

        var first = await Backend.GenerateAsync(Story(seed1));
        var again = await Backend.GenerateAsync(Story(seed1));
        var seed2 = await Backend.GenerateAsync(Story(seed1 with { Seed = 2 }));

        Assert.Equal(first.Text, again.Text);
        Assert.NotEqual(first.Text, seed2.Text);
    }

    [Fact]
    public async Task Stop_string_cuts_the_story_before_it()
    {
        var completion = await Backend.GenerateAsync(Story(new() { MaxTokens = 64, Stop = [" park"] }));

        Assert.Equal(", there was a little girl named Lily. She loved to play outside in the", completion.Text);
        Assert.Equal(FinishReason.Stop, completion.FinishReason);
    }

    [Fact]
    public async Task Chat_messages_without_a_model_template_use_the_plain_transcript()
    {
        ChatMessage[] messages = [new("system", "You tell stories."), new("user", "Tell me about a cat.")];

        var completion = await Backend.GenerateAsync(GenerationRequest.Chat(messages, new() { MaxTokens = 16 }));

        Assert.Equal("System: You tell stories.\nUser: Tell me about a cat.\nAssistant:", completion.RenderedPrompt);
        Assert.False(string.IsNullOrWhiteSpace(completion.Text));
    }

    [Fact]
    public async Task Prompt_longer_than_the_context_fails_that_request_only()
    {
        var tooLong = string.Concat(Enumerable.Repeat("Once upon a time ", 200));

        var error = await Assert.ThrowsAsync<PromptTooLongException>(
            () => Backend.GenerateAsync(GenerationRequest.Raw(tooLong, new() { MaxTokens = 4 })));
        var next = await Backend.GenerateAsync(Story(new() { MaxTokens = 64 }));

        Assert.Equal(StoriesModelFixture.ContextSize, error.ContextSize);
        Assert.True(error.PromptTokens > StoriesModelFixture.ContextSize);
        Assert.Contains("context", error.Message);
        Assert.Equal(GreedyStory, next.Text);
    }

    [Fact]
    public async Task Generation_stops_with_length_when_the_context_is_full()
    {
        var completion = await Backend.GenerateAsync(Story(new() { MaxTokens = 10_000, Temperature = 0.8f, Seed = 3 }));

        Assert.Equal(FinishReason.Length, completion.FinishReason);
        // Every context slot is used, and the token sampled after the last slot is still returned.
        Assert.Equal(StoriesModelFixture.ContextSize + 1, completion.PromptTokens + completion.CompletionTokens);
    }

    [Fact]
    public async Task Earlier_requests_do_not_leak_into_later_ones()
    {
        await Backend.GenerateAsync(GenerationRequest.Raw("The dog ran to the", new() { MaxTokens = 40 }));
        await Backend.GenerateAsync(GenerationRequest.Raw("Tim and Sue", new() { MaxTokens = 40, Temperature = 1f }));

        var completion = await Backend.GenerateAsync(Story(new() { MaxTokens = 64 }));

        Assert.Equal(GreedyStory, completion.Text);
    }

    [Fact]
    public async Task Concurrent_requests_are_serialised_and_each_gets_its_own_answer()
    {
        var requests = Enumerable.Range(0, 4).Select(_ => Backend.GenerateAsync(Story(new() { MaxTokens = 64 })));

        var completions = await Task.WhenAll(requests);

        Assert.All(completions, c => Assert.Equal(GreedyStory, c.Text));
    }
}
