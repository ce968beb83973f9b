using EvalKit.Core.Metrics;

namespace EvalKit.Bench.Load;

/// <summary>One concurrency level of a load sweep: counts, throughputs and latencies of its measured requests (docs/benchmarks.md).</summary>
public sealed record LoadLevel
{
    /// <summary>Closed-loop clients sending at once.</summary>
    public int Concurrency { get; init; }
    public int Completed { get; init; }
    public int Failed { get; init; }
    /// <summary>From the start of measurement to the end of the last measured request, seconds.</summary>
    public double DurationS { get; init; }
    /// <summary>Completed requests per second.</summary>
    public double RequestThroughput { get; init; }
    /// <summary>Output tokens of completed requests per second.</summary>
    public double OutputThroughput { get; init; }
    /// <summary>Prompt plus output tokens of completed requests per second (prompt tokens as the server reported them).</summary>
    public double TotalTokenThroughput { get; init; }
    public double MeanPromptTokens { get; init; }
    public double MeanOutputTokens { get; init; }
    /// <summary>Where output token counts came from: <c>usage</c> (the server's), <c>chunks</c> (content chunks counted), or <c>mixed</c>.</summary>
    public required string OutputTokensFrom { get; init; }
    /// <summary>Time to first token: send to the first chunk with text (content, or reasoning sent separately).</summary>
    public TimingDistribution? TtftMs { get; init; }
    /// <summary>Time to first answer token, over requests that reasoned (a think block, or reasoning sent separately); absent when none did.</summary>
    public TimingDistribution? TtfatMs { get; init; }
    /// <summary>Time per output token, vLLM's: (latency − TTFT) / (output tokens − 1), over requests with more than one output token.</summary>
    public TimingDistribution? TpotMs { get; init; }
    /// <summary>Inter-token latency: the gaps between successive chunks with text.</summary>
    public TimingDistribution? ItlMs { get; init; }
    /// <summary>End-to-end latency: send to the end of the stream.</summary>
    public TimingDistribution? E2elMs { get; init; }
    /// <summary>Up to five distinct error messages of the failed requests.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}
