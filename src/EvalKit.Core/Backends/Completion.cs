using System.Text.Json.Serialization;

namespace EvalKit.Core.Backends;

/// <summary>A model's answer to one request, with the counts and timings that throughput metrics use.</summary>
public sealed record Completion
{
    public required string Text { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public TimeSpan TimeToFirstToken { get; init; }
    public TimeSpan TotalTime { get; init; }
    public FinishReason FinishReason { get; init; }

    /// <summary>The exact text the model saw after templating; recorded so a run can be reproduced.</summary>
    public string? RenderedPrompt { get; init; }

    /// <summary>True when the token counts are estimates (a remote server that reported no usage).</summary>
    public bool TokenCountsEstimated { get; init; }

    /// <summary>When each token (or streamed piece) arrived; null when the backend could not tell.</summary>
    public TokenTimeline? Timeline { get; init; }

    /// <summary>True when a response cache gave this completion (counts and timings are the original generation's); never stored.</summary>
    [JsonIgnore]
    public bool Cached { get; init; }
}
