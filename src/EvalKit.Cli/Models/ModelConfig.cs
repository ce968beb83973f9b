using EvalKit.Core.Backends;

namespace EvalKit.Cli.Models;

/// <summary>One model named in <c>evalkit.yaml</c>: its source, its own generation settings and, for endpoints, how to reach it.</summary>
public sealed record ModelConfig(string Name, string Source)
{
    /// <summary>Generation settings for this model, over each suite's defaults; null when none are given.</summary>
    public ModelSettings? Settings { get; init; }

    /// <summary>A judge only (<c>judge_only: true</c>): it grades the suites that name it and answers no case.</summary>
    public bool JudgeOnly { get; init; }

    /// <summary>Price per million tokens (<c>price: {prompt_per_mtok, completion_per_mtok}</c>); null when unpriced.</summary>
    public ModelPrice? Price { get; init; }

    /// <summary>The environment variable that holds the endpoint's API key (its name, never the key).</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Requests in flight at once against the endpoint.</summary>
    public int? Concurrency { get; init; }

    /// <summary>The limit for one request, in seconds.</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>Whether the endpoint returns prompt log-probabilities (<c>/completions</c> with <c>echo</c> and <c>logprobs</c>).</summary>
    public bool? LogProbs { get; init; }
}
