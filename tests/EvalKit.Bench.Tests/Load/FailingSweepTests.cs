using System.Net;
using System.Net.Sockets;
using EvalKit.Bench.Load;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Remote.Serving;

namespace EvalKit.Bench.Tests.Load;

public sealed class FailingSweepTests
{
    private static LoadSweepOptions OptionsFor(Uri endpoint) =>
        new(endpoint, "flaky") { Concurrency = [1, 2], RequestsPerLevel = 4, PromptWords = 4, MaxTokens = 3, RequestTimeout = TimeSpan.FromSeconds(20) };

    [Fact]
    public async Task Requests_the_server_refuses_are_counted_as_failed_with_their_error()
    {
        // Given the real server over a backend that fails every second request (the first check passes)
        await using var backend = new EverySecondFails();
        await using var server = await OpenAiServer.StartAsync(backend, new OpenAiServerOptions { Port = 0 });

        // When swept: per level 1 or 2 warm-ups, then 4 measured requests, alternating success and failure
        var sweep = await LoadSweep.RunAsync(OptionsFor(server.BaseAddress));

        // Then half of each level's requests failed, with the server's status and message
        Assert.All(sweep.Levels, level =>
        {
            Assert.Equal((2, 2), (level.Completed, level.Failed));
            Assert.Equal(2, level.E2elMs!.Samples);
            Assert.Contains(level.Errors, e => e.StartsWith("HTTP 500", StringComparison.Ordinal) && e.Contains("backend broke", StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task An_endpoint_that_goes_away_mid_sweep_fails_the_remaining_requests()
    {
        // Given a server that is stopped as soon as the first level has finished
        await using var backend = new EverySecondFails { FailNone = true };
        var server = await OpenAiServer.StartAsync(backend, new OpenAiServerOptions { Port = 0 });
        var stopped = false;
        var progress = new Inline(p =>
        {
            if (p is { Concurrency: 1, Completed: 4 } && !stopped)
            {
                stopped = true;
                server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        });

        // When swept
        var sweep = await LoadSweep.RunAsync(OptionsFor(server.BaseAddress), progress);

        // Then the first level completed and every request of the second failed, counted rather than thrown
        Assert.Equal((4, 0), (sweep.Levels[0].Completed, sweep.Levels[0].Failed));
        Assert.Equal((0, 4), (sweep.Levels[1].Completed, sweep.Levels[1].Failed));
        Assert.NotEmpty(sweep.Levels[1].Errors);
        Assert.Equal(0, sweep.Levels[1].RequestThroughput);
    }

    [Fact]
    public async Task An_endpoint_that_is_down_at_the_start_is_a_clear_error_naming_it()
    {
        // Given a loopback port nobody listens on
        var endpoint = new Uri($"http://127.0.0.1:{FreePort()}/v1");

        // When swept
        var error = await Assert.ThrowsAsync<EvalKitException>(() => LoadSweep.RunAsync(OptionsFor(endpoint)));

        // Then the message names the endpoint and the model, and the hint says how to start a server
        Assert.Contains(endpoint.ToString(), error.Message);
        Assert.Contains("'flaky'", error.Message);
        Assert.Contains("evalkit serve", error.Hint);
        Assert.Equal(ErrorKind.RuntimeFailure, error.Kind);
    }

    [Fact]
    public async Task An_unknown_model_is_bad_input_with_the_servers_message()
    {
        await using var backend = new EverySecondFails();
        await using var server = await OpenAiServer.StartAsync(backend, new OpenAiServerOptions { Port = 0, ModelName = "served" });

        var error = await Assert.ThrowsAsync<EvalKitException>(() => LoadSweep.RunAsync(OptionsFor(server.BaseAddress)));

        Assert.Contains("HTTP 404", error.Message);
        Assert.Contains("'served'", error.Message);
        Assert.Equal(ErrorKind.BadInput, error.Kind);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Inline(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => report(value);
    }

    /// <summary>Answers "ok" at once, except every second call (the 2nd, 4th, ...), which throws.</summary>
    private sealed class EverySecondFails : IModelBackend
    {
        private int _calls;

        public bool FailNone { get; init; }

        public ModelInfo Info { get; } = new() { Name = "flaky", Backend = "test", Source = "test" };

        public Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
            Interlocked.Increment(ref _calls) % 2 == 0 && !FailNone
                ? throw new InvalidOperationException("backend broke")
                : Task.FromResult(new Completion { Text = "ok ok ok", PromptTokens = 4, CompletionTokens = 3 });

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
