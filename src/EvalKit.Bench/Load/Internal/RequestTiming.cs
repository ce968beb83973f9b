namespace EvalKit.Bench.Load.Internal;

/// <summary>What one request of a load sweep measured; times are milliseconds from sending it.</summary>
internal sealed record RequestTiming
{
    /// <summary>Why the request failed; null when it completed.</summary>
    public string? Error { get; init; }

    /// <summary>The HTTP status of a request the server refused; null otherwise.</summary>
    public int? Status { get; init; }

    /// <summary>Send to the end of the stream (or to the failure).</summary>
    public double E2eMs { get; init; }

    /// <summary>When each chunk with text (content or reasoning) arrived; the first is the time to first token.</summary>
    public IReadOnlyList<double> TokenChunksMs { get; init; } = [];

    /// <summary>For a request that reasoned: when the first chunk of its answer arrived; null otherwise.</summary>
    public double? FirstAnswerMs { get; init; }

    public int PromptTokens { get; init; }

    public int OutputTokens { get; init; }

    /// <summary>True when <see cref="OutputTokens"/> is the server's usage count; false when content chunks were counted.</summary>
    public bool TokensFromUsage { get; init; }

    /// <summary>How often the request was sent again because its pooled connection had been closed by the server before it was read.</summary>
    public int Reconnects { get; init; }

    public double? TtftMs => TokenChunksMs.Count > 0 ? TokenChunksMs[0] : null;

    public static RequestTiming Failed(string error, double e2eMs, int? status = null) => new() { Error = error, E2eMs = e2eMs, Status = status };
}
