using EvalKit.Bench.Load.Internal;

namespace EvalKit.Bench.Tests.Load;

public sealed class LevelStatisticsTests
{
    // Chunks at 100, 110, 130, 160 ms, stream ends at 170 ms, 4 output tokens (usage):
    // TTFT 100; TPOT (170 − 100) / (4 − 1) = 23.33; ITL 10, 20, 30.
    private static readonly RequestTiming _four = new() { E2eMs = 170, TokenChunksMs = [100, 110, 130, 160], PromptTokens = 10, OutputTokens = 4, TokensFromUsage = true };

    // One output token: it has a TTFT but no TPOT (vLLM excludes it: there is no token after the first).
    private static readonly RequestTiming _one = new() { E2eMs = 60, TokenChunksMs = [50], PromptTokens = 10, OutputTokens = 1, TokensFromUsage = true };

    private static readonly RequestTiming _failed = RequestTiming.Failed("HTTP 500: boom", 5, 500);

    [Fact]
    public void Time_per_output_token_excludes_the_first_token_and_single_token_requests()
    {
        // Given a four-token request and a one-token request; When summarised
        var level = LevelStatistics.Summarise(2, [_four, _one], TimeSpan.FromSeconds(2));

        // Then TPOT is over the four-token request only, with the first token's time taken out
        Assert.Equal(1, level.TpotMs!.Samples);
        Assert.Equal(70.0 / 3, level.TpotMs.Mean, 9);
        Assert.Equal(70.0 / 3, level.TpotMs.P99, 9);
        // (not 170 / 4 = 42.5, the latency spread over every token)
        Assert.NotEqual(42.5, level.TpotMs.Mean, 3);
    }

    [Fact]
    public void Ttft_itl_and_latency_come_from_completed_requests()
    {
        var level = LevelStatistics.Summarise(2, [_four, _one, _failed], TimeSpan.FromSeconds(2));

        // TTFTs 100 and 50: p50 at rank 0.5 is 75, p99 at rank 0.99 is 50 + 0.99 · 50
        Assert.Equal(2, level.TtftMs!.Samples);
        Assert.Equal(75, level.TtftMs.Mean, 9);
        Assert.Equal(75, level.TtftMs.P50, 9);
        Assert.Equal(99.5, level.TtftMs.P99, 9);
        Assert.Equal(3, level.ItlMs!.Samples);
        Assert.Equal(20, level.ItlMs.P50, 9);
        Assert.Equal(20, level.ItlMs.Mean, 9);
        Assert.Equal(2, level.E2elMs!.Samples);
        Assert.Equal(115, level.E2elMs.Mean, 9);
    }

    [Fact]
    public void Throughputs_count_completed_requests_over_the_level_duration_and_failures_separately()
    {
        var level = LevelStatistics.Summarise(2, [_four, _one, _failed], TimeSpan.FromSeconds(2));

        Assert.Equal((2, 1), (level.Completed, level.Failed));
        Assert.Equal(1.0, level.RequestThroughput, 9);       // 2 requests / 2 s
        Assert.Equal(2.5, level.OutputThroughput, 9);        // (4 + 1) tokens / 2 s
        Assert.Equal(12.5, level.TotalTokenThroughput, 9);   // (20 + 5) tokens / 2 s
        Assert.Equal((10.0, 2.5), (level.MeanPromptTokens, level.MeanOutputTokens));
        Assert.Equal("usage", level.OutputTokensFrom);
        Assert.Equal(["HTTP 500: boom"], level.Errors);
    }

    [Fact]
    public void Token_counts_say_where_they_came_from()
    {
        var counted = _one with { TokensFromUsage = false };

        Assert.Equal("chunks", LevelStatistics.Summarise(1, [counted], TimeSpan.FromSeconds(1)).OutputTokensFrom);
        Assert.Equal("mixed", LevelStatistics.Summarise(1, [counted, _four], TimeSpan.FromSeconds(1)).OutputTokensFrom);
    }

    [Fact]
    public void A_level_where_everything_failed_has_no_latencies_and_zero_throughput()
    {
        var level = LevelStatistics.Summarise(1, [_failed, _failed], TimeSpan.FromSeconds(1));

        Assert.Equal((0, 2, 0.0), (level.Completed, level.Failed, level.RequestThroughput));
        Assert.Null(level.TtftMs);
        Assert.Null(level.TpotMs);
        Assert.Null(level.E2elMs);
    }
}
