using System.Text.Json;
using EvalKit.Core.Backends;
using EvalKit.Remote.Tests.Faults;

namespace EvalKit.Remote.Tests.Backend;

/// <summary>What OpenAiBackend reads from a stream besides text: timings, usage, estimates, finish reasons, parameters.</summary>
public sealed class StreamingMeasureTests
{
    private static GenerationRequest Prompt(GenerationParameters? parameters = null) => GenerationRequest.Raw("p", parameters ?? new GenerationParameters());

    [Fact]
    public async Task Time_to_first_token_is_taken_when_the_first_piece_arrives_not_at_the_end()
    {
        // Given a server that waits 200 ms between the first piece and the rest
        await using var server = await FaultServer.StartAsync(async (http, _, _) =>
        {
            await FaultServer.BeginStreamAsync(http);
            await FaultServer.EventAsync(http, FaultServer.Chunk("first", null));
            await Task.Delay(200);
            await FaultServer.EventAsync(http, FaultServer.Chunk(" rest", "length"));
            await FaultServer.EventAsync(http, "[DONE]");
        });
        await using var backend = OpenAiBackend.Create(server.Options with { IdleTimeout = TimeSpan.FromSeconds(5) });

        var completion = await backend.GenerateAsync(Prompt());

        Assert.Equal("first rest", completion.Text);
        Assert.Equal(FinishReason.Length, completion.FinishReason);
        Assert.True(completion.TotalTime - completion.TimeToFirstToken >= TimeSpan.FromMilliseconds(150),
            $"ttft {completion.TimeToFirstToken}, total {completion.TotalTime}");
        var timeline = completion.Timeline!;
        Assert.Equal([5, 10], timeline.TextEnds);
        Assert.Equal(completion.TimeToFirstToken.TotalMilliseconds, timeline.ElapsedMs[0]);
        Assert.True(timeline.ElapsedMs[1] - timeline.ElapsedMs[0] >= 150, $"pieces at {string.Join(", ", timeline.ElapsedMs)} ms");
    }

    [Fact]
    public async Task Without_usage_from_the_server_token_counts_are_estimated_and_marked()
    {
        await using var server = await FaultServer.StartAsync(async (http, _, _) =>
        {
            await FaultServer.BeginStreamAsync(http);
            foreach (var piece in new[] { "one", " two", " three" })
                await FaultServer.EventAsync(http, FaultServer.Chunk(piece, null));
            await FaultServer.EventAsync(http, FaultServer.Chunk("", "stop"));
            await FaultServer.EventAsync(http, "[DONE]");
        });
        await using var backend = OpenAiBackend.Create(server.Options);

        var completion = await backend.GenerateAsync(GenerationRequest.Raw("twelve chars", new GenerationParameters()));

        Assert.True(completion.TokenCountsEstimated);
        Assert.Equal(3, completion.CompletionTokens);
        Assert.Equal(3, completion.PromptTokens);
        Assert.Equal([3, 7, 13], completion.Timeline!.TextEnds); // one step per non-empty piece
    }

    [Fact]
    public async Task Greedy_parameters_seed_top_p_max_tokens_and_stop_are_sent_and_stream_asks_for_usage()
    {
        JsonElement? body = null;
        await using var server = await FaultServer.StartAsync((http, _, _) => FaultServer.StreamAsync(http, "ok"));
        server.OnBody = json => body = json;
        await using var backend = OpenAiBackend.Create(server.Options);

        await backend.GenerateAsync(Prompt(new GenerationParameters { MaxTokens = 7, Temperature = 0, TopP = 0.9f, Seed = 1234, Stop = ["\n\n", ""] }));

        var sent = body!.Value;
        Assert.Equal(FaultServer.Model, sent.GetProperty("model").GetString());
        Assert.Equal(0, sent.GetProperty("temperature").GetDouble());
        Assert.Equal(0.9, sent.GetProperty("top_p").GetDouble(), 3);
        Assert.Equal(1234, sent.GetProperty("seed").GetInt64());
        Assert.Equal(7, sent.GetProperty("max_tokens").GetInt32());
        Assert.Equal(["\n\n"], sent.GetProperty("stop").EnumerateArray().Select(s => s.GetString()));
        Assert.True(sent.GetProperty("stream").GetBoolean());
        Assert.True(sent.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }
}
