using EvalKit.Core.Backends;

namespace EvalKit.Llama.Tests.Backend;

/// <summary>Context sizes and long generations, each on its own freshly loaded stories260K.</summary>
public sealed class LlamaBackendContextTests
{
    private static Task<LlamaBackend> LoadAsync(int contextSize) =>
        LlamaBackend.LoadAsync(StoriesModelFixture.Options with { ContextSize = contextSize });

    private static string Repeat(int times) => string.Concat(Enumerable.Repeat("Once upon a time ", times));

    [Fact]
    public async Task Context_size_is_capped_at_what_the_model_was_trained_for()
    {
        await using var backend = await LoadAsync(8192);

        Assert.Equal("2048", backend.Info.Details["context_size"]);
        Assert.Equal("2048", backend.Info.Details["trained_context"]);
    }

    [Fact]
    public async Task Context_below_256_is_raised_to_256_and_reported_as_such()
    {
        await using var backend = await LoadAsync(100);

        var completion = await backend.GenerateAsync(GenerationRequest.Raw(Repeat(45), new() { MaxTokens = 4 }));

        Assert.Equal("256", backend.Info.Details["context_size"]);
        Assert.True(completion.PromptTokens > 100, $"PromptTokens = {completion.PromptTokens}");
        Assert.Equal(4, completion.CompletionTokens);
    }

    [Fact]
    public async Task Prompt_longer_than_one_batch_is_decoded_in_batches()
    {
        await using var backend = await LoadAsync(2048);

        var completion = await backend.GenerateAsync(GenerationRequest.Raw(Repeat(300), new() { MaxTokens = 4 }));

        Assert.True(completion.PromptTokens > 1024, $"PromptTokens = {completion.PromptTokens}");
        Assert.Equal(4, completion.CompletionTokens);
    }

    [Fact]
    public async Task Cancelling_during_generation_stops_between_tokens_and_leaves_the_backend_usable()
    {
        // Generating 2040 tokens one at a time takes seconds here, far longer than the 200 ms before cancellation.
        await using var backend = await LoadAsync(2048);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var request = GenerationRequest.Raw("Once upon a time", new() { MaxTokens = 2040, Temperature = 1f, Seed = 7 });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.GenerateAsync(request, cancellation.Token));
        var next = await backend.GenerateAsync(GenerationRequest.Raw("Once upon a time", new() { MaxTokens = 8 }));

        Assert.Equal(8, next.CompletionTokens);
    }
}
