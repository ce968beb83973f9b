using EvalKit.Core.Backends;
using EvalKit.Core.Suites;
using EvalKit.Llama.Tests.Backend;

namespace EvalKit.Llama.Tests.Batching;

/// <summary>Concurrent requests on a backend with slots (<see cref="ParallelStoriesFixture"/>) against one at a time on one slot.</summary>
public sealed class BatchGenerationTests(StoriesModelFixture model, ParallelStoriesFixture parallel)
    : IClassFixture<StoriesModelFixture>, IClassFixture<ParallelStoriesFixture>
{
    private static readonly string[] Openings =
    [
        "Once upon a time", "The dog ran to the", "Tom had a red", "Lily and her mom went", "One day, a little bird",
        "The sun was hot and", "Sam did not want to", "There was a big tree", "Mia found a shiny", "The cat said",
    ];

    private LlamaBackend Backend => model.Backend;

    private LlamaBackend Slotted => parallel.Backend;

    [Fact]
    public async Task Ten_concurrent_greedy_prompts_on_eight_slots_match_one_at_a_time_byte_for_byte()
    {
        // Given: prompts of different lengths and token limits
        var requests = Openings.Select((o, i) => GenerationRequest.Raw(o, new() { MaxTokens = 24 + 4 * i })).ToList();

        // When
        var batched = await Concurrently(requests);
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
        var batched = await Concurrently(requests);
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
        var batched = await Concurrently(requests);
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

        var batched = await Concurrently(requests);

        Assert.All(batched, c =>
        {
            Assert.True(c.TimeToFirstToken > TimeSpan.Zero);
            Assert.True(c.TimeToFirstToken <= c.TotalTime);
        });
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_fails_only_its_own_request()
    {
        // Given
        var tooLong = string.Concat(Enumerable.Repeat("Once upon a time ", 200));
        List<GenerationRequest> requests = [GenerationRequest.Raw("Tom had a red", new() { MaxTokens = 8 }), GenerationRequest.Raw(tooLong, new() { MaxTokens = 8 })];

        // When
        var answers = requests.Select(r => Slotted.GenerateAsync(r)).ToList();

        // Then
        await Assert.ThrowsAsync<PromptTooLongException>(() => answers[1]);
        Assert.Equal((await Backend.GenerateAsync(requests[0])).Text, (await answers[0]).Text);
    }

    [Fact]
    public async Task A_cancelled_request_gives_up_its_slot_and_the_others_finish_unchanged()
    {
        // Given: more requests than slots; the first cancels itself once its first text arrives
        var requests = Openings.Take(ParallelStoriesFixture.Slots + 1).Select(o => GenerationRequest.Raw(o, new() { MaxTokens = 32 })).ToList();
        using var cancel = new CancellationTokenSource();

        // When
        var cancelled = Slotted.GenerateAsync(GenerationRequest.Raw("Once upon a time", new() { MaxTokens = 200 }), _ => cancel.Cancel(), cancel.Token);
        var others = requests.Select(r => Slotted.GenerateAsync(r)).ToList();

        // Then
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        var sequential = new List<Completion>();
        foreach (var request in requests)
            sequential.Add(await Backend.GenerateAsync(request));
        Assert.Equal(Texts(sequential), Texts(await Task.WhenAll(others)));
    }

    [Fact]
    public async Task Concurrent_streams_each_receive_exactly_their_own_text()
    {
        // Given
        var requests = Openings.Take(4).Select(o => GenerationRequest.Raw(o, new() { MaxTokens = 24 })).ToList();
        var streamed = requests.Select(_ => new System.Text.StringBuilder()).ToList();

        // When
        var completions = await Task.WhenAll(requests.Select((r, i) => Slotted.GenerateAsync(r, piece => streamed[i].Append(piece))));

        // Then
        Assert.Equal(Texts(completions), streamed.Select(b => b.ToString()));
        Assert.All(completions, c => Assert.True(c.Text.Length > 0));
    }

    [Fact]
    public async Task Log_likelihood_requests_take_turns_with_generation()
    {
        // Given
        var requests = Openings.Take(6).Select(o => GenerationRequest.Raw(o, new() { MaxTokens = 24 })).ToList();
        var alone = await Backend.LogLikelihoodAsync("Once upon a time, there was a little", " girl");

        // When: a log-likelihood request arrives while the slots are busy
        var answers = requests.Select(r => Slotted.GenerateAsync(r)).ToList();
        var together = await Slotted.LogLikelihoodAsync("Once upon a time, there was a little", " girl");

        // Then
        Assert.Equal(alone.LogProbability, together.LogProbability);
        var sequential = new List<Completion>();
        foreach (var request in requests)
            sequential.Add(await Backend.GenerateAsync(request));
        Assert.Equal(Texts(sequential), Texts(await Task.WhenAll(answers)));
    }

    private async Task<Completion[]> Concurrently(IEnumerable<GenerationRequest> requests) =>
        await Task.WhenAll(requests.Select(r => Slotted.GenerateAsync(r)));

    private static string[] Texts(IEnumerable<Completion> completions) => [.. completions.Select(c => c.Text)];

    private static (int, int, FinishReason) Counts(Completion c) => (c.PromptTokens, c.CompletionTokens, c.FinishReason);
}
