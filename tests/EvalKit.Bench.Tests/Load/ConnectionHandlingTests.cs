using System.Text.Json;
using EvalKit.Bench.Load;

namespace EvalKit.Bench.Tests.Load;

public sealed class ConnectionHandlingTests
{
    private static LoadSweepOptions OptionsFor(Uri endpoint) =>
        new(endpoint, "scripted") { Concurrency = [4], RequestsPerLevel = 16, WarmupPerClient = 1, PromptWords = 4, MaxTokens = 3, RequestTimeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task A_server_that_closes_every_connection_after_a_streamed_answer_fails_no_request()
    {
        // Given a server that, like llama-server, closes each connection shortly after a complete streamed answer
        // without saying Connection: close, so pooled connections go stale while idle
        await using var server = new ScriptedSseServer(_ => new ScriptedSseServer.Script { CloseAfterAnswer = TimeSpan.FromMilliseconds(30) });

        // When swept at concurrency 4 over 16 requests
        var level = Assert.Single((await LoadSweep.RunAsync(OptionsFor(server.BaseAddress))).Levels);

        // Then every request completed; the requests that met a closed connection were sent again and counted as reconnects
        Assert.Equal((16, 0), (level.Completed, level.Failed));
        Assert.Empty(level.Errors);
        Assert.True(level.Reconnects > 0, "the stale pooled connections were met and re-opened");
        // The server read each request once: the probe, 4 warm-ups and the 16 measured ones
        Assert.Equal(1 + 4 + 16, server.RequestsRead);
    }

    [Fact]
    public async Task A_line_that_never_ends_fails_its_request_at_the_line_limit()
    {
        // Given a server that answers the first check, then streams one endless line for every request
        await using var server = new ScriptedSseServer(n => new ScriptedSseServer.Script { EndlessLine = n > 0 });

        // When swept with one request
        var level = Assert.Single((await LoadSweep.RunAsync(OptionsFor(server.BaseAddress) with { Concurrency = [1], RequestsPerLevel = 1, WarmupPerClient = 0 })).Levels);

        // Then the request failed at the line limit (the reader never buffered more than that), not by filling memory or timing out
        Assert.Equal((0, 1), (level.Completed, level.Failed));
        Assert.Contains(level.Errors, e => e.Contains("a line longer than", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_server_that_reads_the_request_and_closes_without_answering_fails_it()
    {
        // Given a server that answers the first check, then closes every connection after reading its request
        await using var server = new ScriptedSseServer(n => new ScriptedSseServer.Script { CloseWithoutAnswer = n > 0, CloseAfterAnswer = TimeSpan.Zero });

        // When swept
        var level = Assert.Single((await LoadSweep.RunAsync(OptionsFor(server.BaseAddress) with { WarmupPerClient = 0 })).Levels);

        // Then every measured request is a failure: a new connection that was dropped after the request is the server's failure
        Assert.Equal((0, 16), (level.Completed, level.Failed));
        Assert.NotEmpty(level.Errors);
    }

    [Fact]
    public async Task An_answer_broken_off_after_its_first_token_is_a_failure_and_never_resent()
    {
        // Given a keep-alive server that breaks every answer after the first check off after one token
        await using var server = new ScriptedSseServer(n => new ScriptedSseServer.Script { BreakAfterFirstToken = n > 0 });

        // When swept
        var level = Assert.Single((await LoadSweep.RunAsync(OptionsFor(server.BaseAddress) with { WarmupPerClient = 0 })).Levels);

        // Then all 16 failed, none was sent twice
        Assert.Equal((0, 16, 0), (level.Completed, level.Failed, level.Reconnects));
        Assert.Equal(1 + 16, server.RequestsRead);
    }

    [Fact]
    public async Task Each_level_sends_prompts_no_earlier_level_sent()
    {
        // Given a server that records what it reads (a server with a prompt cache would answer a repeated prompt
        // without processing it, so a level that repeats the last level's prompts measures the cache)
        await using var server = new ScriptedSseServer(_ => new ScriptedSseServer.Script());

        // When swept at concurrency 1 then 2, four requests each, no warm-ups
        await LoadSweep.RunAsync(OptionsFor(server.BaseAddress) with { Concurrency = [1, 2], RequestsPerLevel = 4, WarmupPerClient = 0 });

        // Then the eight measured prompts (after the first check) are eight different prompts
        var prompts = server.Bodies.Skip(1).Select(body =>
            JsonDocument.Parse(body).RootElement.GetProperty("messages")[0].GetProperty("content").GetString()).ToList();
        Assert.Equal(8, prompts.Count);
        Assert.Equal(8, prompts.Distinct().Count());
    }
}
