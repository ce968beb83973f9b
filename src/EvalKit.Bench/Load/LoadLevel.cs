using EvalKit.Core.Metrics;

namespace EvalKit.Bench.Load;

/// <summary>One level of a load sweep (a concurrency or a request rate): counts, throughputs and latencies of its measured requests (docs/benchmarks.md).</summary>
public sealed record LoadLevel
{
    /// <summary>Closed-loop clients sending at once; 0 for an open-loop level.</summary>
    public int Concurrency { get; init; }
    /// <summary>Open loop: requests per second of the arrival schedule (<c>Infinity</c>: all at once); null for a closed-loop level.</summary>
    public double? RequestRate { get; init; }
    /// <summary>Open loop: the gamma shape of the arrival gaps (1 = Poisson arrivals); null for a closed-loop level.</summary>
    public double? Burstiness { get; init; }
    /// <summary>The most requests in flight at once (open loop: how far the queue grew; closed loop: the concurrency).</summary>
    public int MaxInFlight { get; init; }
    public int Completed { get; init; }
    /// <summary>Requests the server refused or broke off (HTTP errors, errors in the stream, a connection lost mid-answer, timeouts).</summary>
    public int Failed { get; init; }
    /// <summary>
    /// Requests sent again because the pooled connection they went out on had been closed by the server before it read
    /// them (nothing came back on a connection that had answered before); the load generator's, not the server's, failures.
    /// </summary>
    public int Reconnects { get; init; }
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
    /// <summary>Completed requests that met every limit of <see cref="EndpointBench.Slo"/>; null without one.</summary>
    public int? MetSlo { get; init; }
    /// <summary>vLLM's goodput: <see cref="MetSlo"/> requests per second; null without limits.</summary>
    public double? Goodput { get; init; }
    /// <summary>Up to five distinct error messages of the failed requests.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}
