using EvalKit.Bench.Load;
using EvalKit.TestSupport;

namespace EvalKit.Bench.Tests.Load;

public sealed class LoadSweepTests(ServedStoriesFixture server) : IClassFixture<ServedStoriesFixture>
{
    private static readonly Lazy<Task<EndpointBench>> _loopback = new(() => LoadSweep.RunLoopbackAsync(
        new LoadSweepOptions(new Uri("http://unused/v1"), "unused") { Concurrency = [1, 2], RequestsPerLevel = 20, PromptWords = 8, MaxTokens = 6 }));

    private LoadSweepOptions Options => new(server.BaseAddress, ServedStoriesFixture.ModelName)
    {
        Concurrency = [1, 2],
        RequestsPerLevel = 4,
        PromptWords = 8,
        MaxTokens = 8,
    };

    [Fact]
    public async Task Sweep_against_evalkit_serve_reports_each_level_with_every_request_completed()
    {
        // Given stories260K behind the real OpenAI-compatible server; When swept at concurrency 1 and 2
        var sweep = await LoadSweep.RunAsync(Options);

        // Then each level holds its four measured requests (warm-ups and the first check are not counted)
        Assert.Equal([1, 2], sweep.Levels.Select(l => l.Concurrency));
        Assert.All(sweep.Levels, level =>
        {
            Assert.Equal((4, 0), (level.Completed, level.Failed));
            Assert.Empty(level.Errors);
            Assert.Equal("usage", level.OutputTokensFrom);
            Assert.InRange(level.MeanOutputTokens, 1, 8);
            Assert.True(level.MeanPromptTokens > 8, "the server reports the prompt's token count, the chat transcript included");
            Assert.Equal(4, level.E2elMs!.Samples);
            Assert.Equal(4, level.TtftMs!.Samples);
        });
        Assert.Equal((server.BaseAddress.ToString(), ServedStoriesFixture.ModelName, 4, 8), (sweep.Url, sweep.Model, sweep.RequestsPerLevel, sweep.MaxTokens));
    }

    [Fact]
    public async Task Every_rate_and_latency_is_positive_and_finite_with_ordered_percentiles()
    {
        var sweep = await LoadSweep.RunAsync(Options);

        foreach (var level in sweep.Levels)
        {
            foreach (var value in new[] { level.DurationS, level.RequestThroughput, level.OutputThroughput, level.TotalTokenThroughput })
                Assert.True(double.IsFinite(value) && value > 0, $"c={level.Concurrency}: {value}");
            Assert.True(level.TotalTokenThroughput > level.OutputThroughput);
            foreach (var summary in new[] { level.TtftMs, level.TpotMs, level.E2elMs })
            {
                Assert.NotNull(summary);
                Assert.True(double.IsFinite(summary.Mean) && summary.Mean > 0, $"c={level.Concurrency}: mean {summary.Mean}");
                Assert.True(summary.P50 <= summary.P90 && summary.P90 <= summary.P99, $"c={level.Concurrency}: {summary}");
            }
            Assert.True(level.TtftMs!.P50 <= level.E2elMs!.P50 && level.TtftMs.P99 <= level.E2elMs.P99);
        }
    }

    [Fact]
    public async Task Loopback_ceiling_streams_exactly_max_tokens_for_every_request()
    {
        var sweep = await _loopback.Value;

        Assert.Equal(LoadSweep.Loopback, sweep.Url);
        Assert.All(sweep.Levels, level =>
        {
            Assert.Equal((20, 0), (level.Completed, level.Failed));
            Assert.Equal(6, level.MeanOutputTokens);
            Assert.Equal(8, level.MeanPromptTokens);
            Assert.Equal(20 * 5, level.ItlMs!.Samples);      // one chunk per token: 5 gaps per request
            Assert.Equal(20, level.TpotMs!.Samples);
            Assert.True(level.RequestThroughput > 0);
            Assert.Equal(6 * level.RequestThroughput, level.OutputThroughput, 9);
        });
    }
}
