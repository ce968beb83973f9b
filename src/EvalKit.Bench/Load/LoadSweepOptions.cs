namespace EvalKit.Bench.Load;

/// <summary>
/// What <see cref="LoadSweep"/> sends: streamed chat completions to one model behind an OpenAI-compatible endpoint,
/// from closed-loop clients at each concurrency level in turn (see docs/benchmarks.md).
/// </summary>
/// <param name="Endpoint">The API root, usually ending in <c>/v1</c>, e.g. <c>http://127.0.0.1:8080/v1</c>.</param>
/// <param name="Model">The model name the server knows, sent in every request.</param>
public sealed record LoadSweepOptions(Uri Endpoint, string Model)
{
    /// <summary>The environment variable holding the API key, sent as a Bearer token; null sends none.</summary>
    public string? ApiKeyEnvironmentVariable { get; init; }

    /// <summary>The concurrency levels, in order: that many clients, each sending its next request when its last one ends.</summary>
    public IReadOnlyList<int> Concurrency { get; init; } = [1, 2, 4, 8];

    /// <summary>
    /// Open loop instead of closed: the request rates swept, requests per second (<see cref="double.PositiveInfinity"/>
    /// sends every request at once); null sweeps <see cref="Concurrency"/>.
    /// </summary>
    public IReadOnlyList<double>? RequestRates { get; init; }

    /// <summary>Open loop: the gamma shape of the gaps between arrivals; 1 is a Poisson process, smaller is burstier.</summary>
    public double Burstiness { get; init; } = 1;

    /// <summary>Latency limits for goodput; null reports none.</summary>
    public ServiceLevelObjectives? Slo { get; init; }

    /// <summary>Measured requests per level.</summary>
    public int RequestsPerLevel { get; init; } = 32;

    /// <summary>Warm-up requests per client before each level's measurement; they count nowhere.</summary>
    public int WarmupPerClient { get; init; } = 1;

    /// <summary>Words in each synthetic prompt (common English words, roughly one token each; the server's count is recorded).</summary>
    public int PromptWords { get; init; } = 64;

    /// <summary><c>max_tokens</c> of each request. Servers may stop earlier at an end-of-generation token.</summary>
    public int MaxTokens { get; init; } = 32;

    /// <summary>Seeds the synthetic prompts and is sent as the request's <c>seed</c>.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The limit for one request, from sending it to the end of its stream (queueing at the server included).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(600);
}
