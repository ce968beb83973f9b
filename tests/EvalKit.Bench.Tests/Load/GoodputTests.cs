using EvalKit.Bench.Load;
using EvalKit.Bench.Load.Internal;

namespace EvalKit.Bench.Tests.Load;

public sealed class GoodputTests
{
    // TTFT 100 ms, TPOT (400 − 100) / (4 − 1) = 100 ms
    private static readonly RequestTiming _slowTokens = new() { E2eMs = 400, TokenChunksMs = [100, 200, 300, 390], OutputTokens = 4 };
    // TTFT 20 ms, TPOT (50 − 20) / 3 = 10 ms
    private static readonly RequestTiming _fast = new() { E2eMs = 50, TokenChunksMs = [20, 30, 40, 45], OutputTokens = 4 };
    // TTFT 900 ms, one token: no TPOT
    private static readonly RequestTiming _lateSingle = new() { E2eMs = 905, TokenChunksMs = [900], OutputTokens = 1 };
    private static readonly RequestTiming _failed = RequestTiming.Failed("HTTP 500: boom", 1, 500);

    [Theory]
    [InlineData("ttft=500ms", 2)]
    [InlineData("ttft=500ms,tpot=50ms", 1)]
    [InlineData("tpot=50ms", 2)]
    [InlineData("ttft=1s,tpot=0.2s", 3)]
    [InlineData("e2el=100", 1)]
    public void Goodput_counts_completed_requests_meeting_every_limit_per_second(string slo, int met)
    {
        // Given three completed requests and a failed one over 2 seconds
        var limits = ServiceLevelObjectives.Parse(slo, out var error) ?? throw new InvalidOperationException(error);

        // When summarised against the limits
        var level = LevelStatistics.Summarise(4, [_slowTokens, _fast, _lateSingle, _failed], TimeSpan.FromSeconds(2), limits);

        // Then goodput is the requests meeting all of them (a one-token request meets any TPOT limit), per second
        Assert.Equal(met, level.MetSlo);
        Assert.Equal(met / 2.0, level.Goodput!.Value, 9);
        Assert.Equal(3 / 2.0, level.RequestThroughput, 9);
    }

    [Fact]
    public void Without_limits_there_is_no_goodput()
    {
        var level = LevelStatistics.Summarise(1, [_fast], TimeSpan.FromSeconds(1));

        Assert.Null(level.MetSlo);
        Assert.Null(level.Goodput);
    }

    [Theory]
    [InlineData("ttft=abc")]
    [InlineData("latency=5ms")]
    [InlineData("ttft=-5ms")]
    [InlineData("ttft")]
    [InlineData("")]
    public void Malformed_limits_are_refused_with_a_reason(string text)
    {
        Assert.Null(ServiceLevelObjectives.Parse(text, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public async Task An_open_loop_sweep_against_a_scripted_server_counts_only_requests_within_the_limits()
    {
        // Given a server whose even requests answer at once and odd ones wait 1.5 s before the first token
        await using var server = new ScriptedSseServer(n => new ScriptedSseServer.Script { FirstTokenDelay = TimeSpan.FromMilliseconds(n % 2 == 1 ? 1500 : 0) });
        var options = new LoadSweepOptions(server.BaseAddress, "scripted")
        {
            RequestRates = [double.PositiveInfinity, 200],
            RequestsPerLevel = 8,
            WarmupPerClient = 0,
            PromptWords = 4,
            MaxTokens = 3,
            Slo = new ServiceLevelObjectives { TtftMs = 1000 },
        };

        // When swept open-loop: all at once, then 200 requests/s
        var sweep = await LoadSweep.RunAsync(options);

        // Then each level is an open-loop level with its rate, every request completed, and no slow one met the TTFT limit
        Assert.Equal("open", sweep.Load);
        Assert.Equal([double.PositiveInfinity, 200], sweep.Levels.Select(l => l.RequestRate!.Value));
        Assert.All(sweep.Levels, level =>
        {
            Assert.Equal((8, 0, 0), (level.Completed, level.Failed, level.Concurrency));
            Assert.Equal(1, level.Burstiness);
            Assert.InRange(level.MetSlo!.Value, 0, 4);
            Assert.True(level.MaxInFlight > 1, "arrivals do not wait for earlier answers");
            Assert.Equal(level.MetSlo.Value / level.DurationS, level.Goodput!.Value, 9);
        });
        // The schedule's requests were all sent before the slow ones finished: 8 in flight at an infinite rate
        Assert.Equal(8, sweep.Levels[0].MaxInFlight);
    }
}
