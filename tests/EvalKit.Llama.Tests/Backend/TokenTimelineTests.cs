using EvalKit.Llama.Tests.Batching;
using EvalKit.Core.Backends;

namespace EvalKit.Llama.Tests.Backend;

public sealed class TokenTimelineTests(StoriesModelFixture model, ParallelStoriesFixture parallel)
    : IClassFixture<StoriesModelFixture>, IClassFixture<ParallelStoriesFixture>
{
    private LlamaBackend Backend => model.Backend;

    private LlamaBackend Slotted => parallel.Backend;

    private static readonly GenerationRequest[] Requests =
    [
        GenerationRequest.Raw("Once upon a time", new() { MaxTokens = 40 }),
        GenerationRequest.Raw("Once upon a time", new() { MaxTokens = 64, Stop = [" park"] }),
        GenerationRequest.Raw("The dog ran to the", new() { MaxTokens = 24, Temperature = 0.8f, Seed = 3 }),
        GenerationRequest.Raw("Tom had a red", new() { MaxTokens = 0 }),
    ];

    [Fact]
    public async Task Every_generated_token_has_a_step_that_ends_inside_the_text_on_the_request_clock()
    {
        foreach (var request in Requests)
        {
            // When
            var completion = await Backend.GenerateAsync(request);

            // Then
            AssertDescribes(completion);
        }
    }

    [Fact]
    public async Task A_cut_stop_string_leaves_its_tokens_counted_and_ending_where_the_text_ends()
    {
        // When
        var completion = await Backend.GenerateAsync(Requests[1]);

        // Then: " park" took the last token(s); they still count, and end at the cut
        var timeline = completion.Timeline!;
        Assert.Equal(FinishReason.Stop, completion.FinishReason);
        Assert.Equal(completion.Text.Length, timeline.TextEnds[^1]);
        Assert.True(timeline.TextEnds.Count(end => end == completion.Text.Length) >= 2);
    }

    [Fact]
    public async Task Concurrent_sequences_have_the_same_steps_as_one_at_a_time_each_on_its_own_clock()
    {
        // Given: greedy requests only (sampled ones may tip differently in a batch)
        var greedy = Requests.Where(r => r.Parameters.Temperature == 0).ToList();
        var sequential = new List<Completion>();
        foreach (var request in greedy)
            sequential.Add(await Backend.GenerateAsync(request));

        // When
        var batched = await Task.WhenAll(greedy.Select(r => Slotted.GenerateAsync(r)));

        // Then
        Assert.All(batched, AssertDescribes);
        Assert.Equal(sequential.Select(c => c.Timeline!.TextEnds), batched.Select(c => c.Timeline!.TextEnds));
    }

    private static void AssertDescribes(Completion completion)
    {
        var timeline = completion.Timeline;
        Assert.NotNull(timeline);
        Assert.Equal(completion.CompletionTokens, timeline.TextEnds.Count);
        Assert.True(timeline.Describes(completion.Text));
        if (timeline.ElapsedMs.Count == 0)
            return;
        Assert.Equal(completion.TimeToFirstToken.TotalMilliseconds, timeline.ElapsedMs[0]);
        Assert.InRange(timeline.ElapsedMs[^1], timeline.ElapsedMs[0], completion.TotalTime.TotalMilliseconds);
    }
}
