using EvalKit.Bench.Load.Internal;
using EvalKit.Core;
using EvalKit.Remote.Serving;

namespace EvalKit.Bench.Load;

/// <summary>
/// The endpoint load sweep (<c>evalkit bench --endpoint</c>), as vLLM's serving benchmark measures one: at each
/// concurrency level, closed-loop clients send streamed chat completions (or, open loop, requests arrive at each
/// request rate); the level reports request and token throughput, goodput, TTFT, TPOT, ITL and end-to-end latency
/// (definitions in docs/benchmarks.md).
/// </summary>
public static class LoadSweep
{
    /// <summary>The name of the in-process canned server, as <see cref="EndpointBench.Url"/> and model name.</summary>
    public const string Loopback = "loopback";

    public const string Api = "chat.completions (stream)";

    /// <summary>Checks the endpoint with one request, then sweeps the concurrency levels (or the request rates) in order.</summary>
    /// <exception cref="EvalKitException">The first request fails: the endpoint is down, the model unknown, the key wrong.</exception>
    public static async Task<EndpointBench> RunAsync(LoadSweepOptions options, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(options);
        using var client = new StreamingClient(options);
        var url = options.Endpoint.ToString();
        // Every level gets prompts of its own: a server that keeps earlier prompts' KV cache (llama-server's prompt
        // cache does, in host memory) would otherwise answer a later level's prompts without processing them.
        IReadOnlyList<string> PromptsOf(int level) =>
            SyntheticPrompts.Create(options.Seed + level * 2_000_003, options.RequestsPerLevel, options.PromptWords);
        // Warm-up prompts come from another seed, so the measured prompts are never in a prefix cache beforehand.
        var warmups = SyntheticPrompts.Create(options.Seed + 1_000_003, 1 + options.Concurrency.Max() * options.WarmupPerClient, options.PromptWords);

        var probe = await client.SendAsync(warmups[^1], cancellationToken);
        if (probe.Error is { } error)
            throw new EvalKitException($"The endpoint {url} did not answer a first request for model '{options.Model}': {error}",
                $"Check that the server is running and that --endpoint is its API root (ending in /v1; 'evalkit serve MODEL.gguf --port 8080' serves http://127.0.0.1:8080/v1), " +
                $"that --model is a name it serves (GET {url.TrimEnd('/')}/models), and --api-key-env if it wants a key.",
                probe.Status is >= 400 and < 500 ? ErrorKind.BadInput : ErrorKind.RuntimeFailure);

        var levels = new List<LoadLevel>();
        Func<int, CancellationToken, Task<RequestTiming>> MeasuredAt(int level)
        {
            var prompts = PromptsOf(level);
            return (i, ct) => client.SendAsync(prompts[i], ct);
        }
        if (options.RequestRates is { } rates)
        {
            foreach (var (rate, level) in rates.Select((r, i) => (r, i)))
            {
                progress?.Report(new LoadProgress(url, 0, 0, options.RequestsPerLevel, WarmingUp: true, rate));
                await ClosedLoop.RunAsync(1, options.WarmupPerClient, (i, ct) => client.SendAsync(warmups[i], ct), null, cancellationToken);
                var schedule = ArrivalSchedule.Create(options.RequestsPerLevel, rate, options.Burstiness, options.Seed + level);
                var (timings, duration, maxInFlight) = await OpenLoop.RunAsync(schedule, MeasuredAt(level),
                    done => progress?.Report(new LoadProgress(url, 0, done, options.RequestsPerLevel, WarmingUp: false, rate)), cancellationToken);
                levels.Add(LevelStatistics.Summarise(0, timings, duration, options.Slo) with
                {
                    RequestRate = rate,
                    Burstiness = options.Burstiness,
                    MaxInFlight = maxInFlight,
                });
            }
        }
        else
        {
            foreach (var (concurrency, level) in options.Concurrency.Select((c, i) => (c, i)))
            {
                progress?.Report(new LoadProgress(url, concurrency, 0, options.RequestsPerLevel, WarmingUp: true));
                await ClosedLoop.RunAsync(concurrency, concurrency * options.WarmupPerClient, (i, ct) => client.SendAsync(warmups[i], ct), null, cancellationToken);
                progress?.Report(new LoadProgress(url, concurrency, 0, options.RequestsPerLevel, WarmingUp: false));
                var (timings, duration) = await ClosedLoop.RunAsync(concurrency, options.RequestsPerLevel, MeasuredAt(level),
                    done => progress?.Report(new LoadProgress(url, concurrency, done, options.RequestsPerLevel, WarmingUp: false)), cancellationToken);
                levels.Add(LevelStatistics.Summarise(concurrency, timings, duration, options.Slo));
            }
        }
        return new EndpointBench
        {
            Url = url,
            Model = options.Model,
            Api = Api,
            PromptWords = options.PromptWords,
            MaxTokens = options.MaxTokens,
            RequestsPerLevel = options.RequestsPerLevel,
            WarmupPerClient = options.WarmupPerClient,
            Seed = options.Seed,
            Load = options.RequestRates is null ? "closed" : "open",
            Slo = options.Slo,
            Levels = levels,
        };
    }

    /// <summary>
    /// The load generator's own ceiling: the same sweep (levels, prompts, <c>max_tokens</c>) against an in-process
    /// <see cref="OpenAiServer"/> whose backend streams canned tokens instantly. <paramref name="options"/>'
    /// endpoint, model and key are not used.
    /// </summary>
    public static async Task<EndpointBench> RunLoopbackAsync(LoadSweepOptions options, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        await using var backend = new CannedBackend();
        await using var server = await OpenAiServer.StartAsync(backend, new OpenAiServerOptions { Port = 0, ModelName = Loopback }, cancellationToken);
        var loopback = options with { Endpoint = server.BaseAddress, Model = Loopback, ApiKeyEnvironmentVariable = null };
        var result = await RunAsync(loopback, progress is null ? null : new Renamed(progress), cancellationToken);
        return result with { Url = Loopback };
    }

    private static void Validate(LoadSweepOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Concurrency.Count == 0 || options.Concurrency.Any(c => c < 1))
            throw new ArgumentException("Concurrency levels must be given and at least 1.", nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RequestsPerLevel, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.WarmupPerClient, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PromptWords, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTokens, 1, nameof(options));
        if (options.RequestRates is { } rates && (rates.Count == 0 || rates.Any(r => !(r > 0))))
            throw new ArgumentException("Request rates must be given and positive (Infinity for all at once).", nameof(options));
        if (!(options.Burstiness > 0 && double.IsFinite(options.Burstiness)))
            throw new ArgumentException("Burstiness must be positive.", nameof(options));
    }

    private sealed class Renamed(IProgress<LoadProgress> inner) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => inner.Report(value with { Target = Loopback });
    }
}
