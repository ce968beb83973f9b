namespace EvalKit.Bench.Load;

/// <summary>The <c>endpoint</c> section of bench.json: one load sweep against an OpenAI-compatible endpoint.</summary>
public sealed record EndpointBench
{
    /// <summary>The API root requests went to, or <see cref="LoadSweep.Loopback"/> for the generator's own ceiling.</summary>
    public required string Url { get; init; }
    public required string Model { get; init; }
    /// <summary>The API used: <c>chat.completions (stream)</c>.</summary>
    public required string Api { get; init; }
    public int PromptWords { get; init; }
    public int MaxTokens { get; init; }
    public int RequestsPerLevel { get; init; }
    public int WarmupPerClient { get; init; }
    public int Seed { get; init; }
    /// <summary><c>closed</c> (clients at each concurrency) or <c>open</c> (arrivals at each request rate).</summary>
    public string Load { get; init; } = "closed";
    /// <summary>The limits goodput was counted against; null when none were given.</summary>
    public ServiceLevelObjectives? Slo { get; init; }
    public required IReadOnlyList<LoadLevel> Levels { get; init; }
    /// <summary>The same sweep against an in-process server that streams canned tokens instantly: what the load generator sustains on this machine.</summary>
    public EndpointBench? GeneratorCeiling { get; init; }
}
