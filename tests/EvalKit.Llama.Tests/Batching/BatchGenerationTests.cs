using EvalKit.Core.Backends;
using EvalKit.Core.Suites;
using EvalKit.Llama.Tests.Backend;

namespace EvalKit.Llama.Tests.Batching;

public sealed class BatchGenerationTests(StoriesModelFixture model) : IClassFixture<StoriesModelFixture>
{
    private static readonly string[] Openings =
    [
        "Once upon a time", "The dog ran to the", "Tom had a red", "Lily and her mom went", "One day, a little bird",
        "The sun was hot and", "Sam did not want to", "There was a big tree", "Mia found a shiny", "The cat said",
    ];

    private LlamaBackend Backend => model.Backend;

    [Fact]
    public async Task Ten_greedy_prompts_in_one_batch_match_one_at_a_time_byte_for_byte()
    {
        // Given: prompts of different lengths and token limits
        var requests = Openings.Select((o, i) => GenerationRequest.Raw(o, new() { MaxTokens = 24 + 4 * i })).ToList();

        // When
        var batched = await Backend.GenerateBatchAsync(requests);
        var sequential = new List<Completion>();
        foreach (var request in requests)
            sequential.Add(await Backend.GenerateAsync(request));

        // Then
        Assert.Equal(Texts(sequential), Texts(batched));
        Assert.Equal(sequential.Select(Counts), batched.Select(Counts));
    }

    [Fact]
    public async Task Stop_strings_chat_requests_and_zero_token_limits_match_one_at_a_time()
    {
        // Given: greedy requests only. Sampled ones are not compared: llama.cpp's CPU kernels decode one token a little
        // differently from several (logits differ by ~3e-6 on stories260K), which can tip a sampled draw.
        List<GenerationRequest> requests =
        [
            GenerationRequest.Raw("Once upon a time", new() { MaxTokens = 48 }),
            GenerationRequest.Raw("Once upon a time", new() { MaxTokens = 64, Stop = [" park"] }),
            GenerationRequest.Chat([new ChatMessage("user", "Tell me about a cat.")], new() { MaxTokens = 16 }),
            GenerationRequest.Raw("The dog ran to the", new() { MaxTokens = 0 }),
        ];

        // When
        var batched = await Backend.GenerateBatchAsync(requests);
        var sequential = new List<Completion>();
        foreach (var request in requests)
            sequential.Add(await Backend.GenerateAsync(request));

        // Then
        Assert.Equal(Texts(sequential), Texts(batched));
        Assert.Equal(sequential.Select(Counts), batched.Select(Counts));
        Assert.Equal(", there was a little girl named Lily. She loved to play outside in the", batched[1].Text);
        Assert.Equal(sequential[2].RenderedPrompt, batched[2].RenderedPrompt);
        Assert.Equal((0, FinishReason.Length), (batched[3].CompletionTokens, batched[3].FinishReason));
    }

    [Fact]
    public async Task Prompts_longer_together_than_one_decode_batch_still_match_one_at_a_time()
    {
        // Given: 8 prompts of about 100 tokens, more than the 512 tokens one decode call takes
        var story = string.Concat(Enumerable.Repeat("Once upon a time, there was a little girl named Lily. She loved to play outside. ", 5));
        var requests = Openings.Take(8).Select(o => GenerationRequest.Raw(story + o, new() { MaxTokens = 12 })).ToList();

        // When
        var batched = await Backend.GenerateBatchAsync(requests);
        var sequential = new List<Completion>();
        foreach (var request in requests)
            sequential.Add(await Backend.GenerateAsync(request));

        // Then
        Assert.True(batched.Sum(c => c.PromptTokens) > 512);
        Assert.Equal(Texts(sequential), Texts(batched));
    }

    [Fact]
    public async Task Each_sequence_has_its_own_time_to_first_token_from_the_batch_start()
    {
        var requests = Openings.Take(4).Select(o => GenerationRequest.Raw(o, new() { MaxTokens = 16 })).ToList();

        var batched = await Backend.GenerateBatchAsync(requests);

        Assert.All(batched, c =>
        {
            Assert.True(c.TimeToFirstToken > TimeSpan.Zero);
            Assert.True(c.TimeToFirstToken <= c.TotalTime);
        });
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_fails_the_batch_and_the_backend_stays_usable()
    {
        var tooLong = string.Concat(Enumerable.Repeat("Once upon a time ", 200));
        List<GenerationRequest> requests = [GenerationRequest.Raw("Tom had a red", new() { MaxTokens = 8 }), GenerationRequest.Raw(tooLong, new() { MaxTokens = 8 })];

        await Assert.ThrowsAsync<PromptTooLongException>(() => Backend.GenerateBatchAsync(requests));
        var after = await Backend.GenerateBatchAsync(requests[..1]);

        Assert.Equal((await Backend.GenerateAsync(requests[0])).Text, Assert.Single(after).Text);
    }

    private static string[] Texts(IEnumerable<Completion> completions) => [.. completions.Select(c => c.Text)];

    private static (int, int, FinishReason) Counts(Completion c) => (c.PromptTokens, c.CompletionTokens, c.FinishReason);
}
