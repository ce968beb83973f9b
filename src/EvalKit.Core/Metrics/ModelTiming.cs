namespace EvalKit.Core.Metrics;

/// <summary>
/// Speed of one model, from the timings of its scored requests (<see cref="SampleTimings"/> says which samples count
/// and defines each per-sample measure). A measure no sample had is null. Formulas are in docs/metrics.md.
/// </summary>
public sealed record ModelTiming
{
    public required string Model { get; init; }

    /// <summary>Samples whose timings were used: generated now (not from the cache), without error, at least one token.</summary>
    public int Samples { get; init; }

    /// <summary>Samples left out because their answer came from the response cache (their timings are an earlier run's).</summary>
    public int CachedSamples { get; init; }

    /// <summary>True when some used sample's token counts are estimates (an endpoint that reported no usage).</summary>
    public bool TokenCountsEstimated { get; init; }

    /// <summary>Per sample (completion_tokens − 1) / (total − TTFT), tokens per second: decode speed after the first token.</summary>
    public TimingDistribution? GenerationTokensPerSecond { get; init; }

    /// <summary>Per sample prompt_tokens / TTFT, tokens per second: a lower bound on prompt processing speed.</summary>
    public TimingDistribution? PromptTokensPerSecond { get; init; }

    public TimingDistribution? TimeToFirstTokenMs { get; init; }

    /// <summary>Per sample (total − TTFT) / (completion_tokens − 1), milliseconds, as vLLM defines TPOT.</summary>
    public TimingDistribution? TimePerOutputTokenMs { get; init; }

    /// <summary>Samples of reasoning suites only: time to the token that began the answer.</summary>
    public TimingDistribution? TimeToFirstAnswerTokenMs { get; init; }
}
