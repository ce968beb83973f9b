namespace EvalKit.Cli.Models;

/// <summary>One model named in <c>evalkit.yaml</c>: its source and, for endpoints, how to reach it.</summary>
public sealed record ModelConfig(string Name, string Source)
{
    /// <summary>The environment variable that holds the endpoint's API key (its name, never the key).</summary>
    public string? ApiKeyEnv { get; init; }

    /// <summary>Requests in flight at once against the endpoint.</summary>
    public int? Concurrency { get; init; }

    /// <summary>The limit for one request, in seconds.</summary>
    public double? TimeoutSeconds { get; init; }

    /// <summary>Whether the endpoint returns prompt log-probabilities (<c>/completions</c> with <c>echo</c> and <c>logprobs</c>).</summary>
    public bool? LogProbs { get; init; }
}
