using EvalKit.Core;
using EvalKit.Core.Backends;
using Microsoft.AspNetCore.Http;

namespace EvalKit.Remote.Tests.Faults;

/// <summary>OpenAiBackend against a real misbehaving server: what is retried, what is not, and what the error says.</summary>
public sealed class RetryTests
{
    private static GenerationRequest Prompt(string text) => GenerationRequest.Raw(text, new GenerationParameters { MaxTokens = 8 });

    [Fact]
    public async Task Status_429_waits_as_long_as_retry_after_asks_then_succeeds()
    {
        // Given a server that rate-limits the first request for 1 s (backoff alone would wait a few ms)
        await using var server = await FaultServer.StartAsync((http, _, attempt) => attempt == 1
            ? FaultServer.ErrorAsync(http, StatusCodes.Status429TooManyRequests, "slow down", retryAfter: "1")
            : FaultServer.StreamAsync(http, "Hello", " world"));
        await using var backend = OpenAiBackend.Create(server.Options);

        // When a request is made
        var completion = await backend.GenerateAsync(Prompt("p"));

        // Then it succeeds on the second attempt, sent no sooner than Retry-After allowed
        Assert.Equal("Hello world", completion.Text);
        var requests = server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {requests[1].At - requests[0].At}");
    }

    [Fact]
    public async Task Server_errors_are_retried_until_the_server_recovers()
    {
        await using var server = await FaultServer.StartAsync((http, _, attempt) => attempt <= 2
            ? FaultServer.ErrorAsync(http, StatusCodes.Status500InternalServerError, "boom")
            : FaultServer.StreamAsync(http, "fine"));
        await using var backend = OpenAiBackend.Create(server.Options);

        var completion = await backend.GenerateAsync(Prompt("p"));

        Assert.Equal("fine", completion.Text);
        Assert.Equal(3, server.AttemptsFor("p"));
    }

    [Fact]
    public async Task Server_errors_after_the_last_retry_name_the_endpoint_the_status_and_the_message()
    {
        await using var server = await FaultServer.StartAsync((http, _, _) =>
            FaultServer.ErrorAsync(http, StatusCodes.Status503ServiceUnavailable, "overloaded"));
        await using var backend = OpenAiBackend.Create(server.Options);

        var error = await Assert.ThrowsAsync<EvalKitException>(() => backend.GenerateAsync(Prompt("p")));

        Assert.Equal(4, server.AttemptsFor("p")); // the first attempt and 3 retries
        Assert.Contains(server.BaseAddress + "/completions", error.Message);
        Assert.Contains("HTTP 503", error.Message);
        Assert.Contains("overloaded", error.Message);
        Assert.Contains("after 4 attempts", error.Message);
        Assert.NotNull(error.Hint);
    }

    [Fact]
    public async Task Connection_dropped_mid_stream_is_retried_and_the_partial_text_discarded()
    {
        await using var server = await FaultServer.StartAsync(async (http, _, attempt) =>
        {
            if (attempt > 1)
            {
                await FaultServer.StreamAsync(http, "whole", " answer");
                return;
            }
            await FaultServer.BeginStreamAsync(http);
            await FaultServer.EventAsync(http, FaultServer.Chunk("partial", null));
            http.Abort();
        });
        await using var backend = OpenAiBackend.Create(server.Options);

        var completion = await backend.GenerateAsync(Prompt("p"));

        Assert.Equal("whole answer", completion.Text);
        Assert.Equal(2, server.AttemptsFor("p"));
    }

    [Fact]
    public async Task Stream_that_stalls_longer_than_the_idle_timeout_is_retried()
    {
        await using var server = await FaultServer.StartAsync(async (http, _, attempt) =>
        {
            if (attempt > 1)
            {
                await FaultServer.StreamAsync(http, "awake");
                return;
            }
            await FaultServer.BeginStreamAsync(http);
            await FaultServer.EventAsync(http, FaultServer.Chunk("zz", null));
            await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
        });
        await using var backend = OpenAiBackend.Create(server.Options);

        var completion = await backend.GenerateAsync(Prompt("p"));

        Assert.Equal("awake", completion.Text);
        Assert.Equal(2, server.AttemptsFor("p"));
    }

    [Fact]
    public async Task Stream_that_always_stalls_fails_with_a_message_that_says_so()
    {
        await using var server = await FaultServer.StartAsync(async (http, _, _) =>
        {
            await FaultServer.BeginStreamAsync(http);
            await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
        });
        await using var backend = OpenAiBackend.Create(server.Options with { MaxRetries = 1 });

        var error = await Assert.ThrowsAsync<EvalKitException>(() => backend.GenerateAsync(Prompt("p")));

        Assert.Contains("stalled", error.Message);
        Assert.Contains(server.BaseAddress.ToString(), error.Message);
    }

    [Fact]
    public async Task Comments_blank_lines_and_unknown_events_in_the_stream_are_ignored()
    {
        await using var server = await FaultServer.StartAsync(async (http, _, _) =>
        {
            await FaultServer.BeginStreamAsync(http);
            await FaultServer.RawAsync(http, ": keep-alive comment\n\nevent: ping\ndata: {}\n\ndata:\n\n");
            await FaultServer.EventAsync(http, FaultServer.Chunk("kept", "stop"));
            await FaultServer.EventAsync(http, "[DONE]");
        });
        await using var backend = OpenAiBackend.Create(server.Options);

        var completion = await backend.GenerateAsync(Prompt("p"));

        Assert.Equal("kept", completion.Text);
        Assert.Equal(1, server.AttemptsFor("p"));
    }

    [Fact]
    public async Task Malformed_chunk_is_retried_and_one_that_persists_fails_quoting_it()
    {
        await using var server = await FaultServer.StartAsync(async (http, prompt, attempt) =>
        {
            if (prompt == "once" && attempt > 1)
            {
                await FaultServer.StreamAsync(http, "clean");
                return;
            }
            await FaultServer.BeginStreamAsync(http);
            await FaultServer.RawAsync(http, "data: {\"choices\": [ not json\n\n");
        });
        await using var backend = OpenAiBackend.Create(server.Options);

        var recovered = await backend.GenerateAsync(Prompt("once"));
        var error = await Assert.ThrowsAsync<EvalKitException>(() => backend.GenerateAsync(Prompt("always")));

        Assert.Equal("clean", recovered.Text);
        Assert.Contains("not JSON", error.Message);
        Assert.Contains("not json", error.Message);
    }

    [Fact]
    public async Task Unreachable_server_fails_after_the_retries_naming_the_endpoint()
    {
        // Given a port that was free a moment ago (the server is started and stopped)
        var server = await FaultServer.StartAsync((http, _, _) => Task.CompletedTask);
        var options = server.Options with { MaxRetries = 1 };
        await server.DisposeAsync();
        await using var backend = OpenAiBackend.Create(options);

        var error = await Assert.ThrowsAsync<EvalKitException>(() => backend.GenerateAsync(Prompt("p")));

        Assert.Contains(options.BaseUrl + "/completions", error.Message);
        Assert.Contains("after 2 attempts", error.Message);
    }
}
