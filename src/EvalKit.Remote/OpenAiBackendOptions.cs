namespace EvalKit.Remote;

/// <summary>
/// How to reach one model behind an OpenAI-compatible endpoint (OpenAI, vLLM, llama-server, Ollama,
/// <c>evalkit serve</c>). The API key itself is never part of the options: only the name of the
/// environment variable that holds it, read when the backend is created.
/// </summary>
/// <param name="BaseUrl">The API root, usually ending in <c>/v1</c>, e.g. <c>http://gpu-box:8000/v1</c>.</param>
/// <param name="Model">The model name the server knows, sent in every request.</param>
public sealed record OpenAiBackendOptions(Uri BaseUrl, string Model)
{
    /// <summary>The name recorded in results; defaults to <see cref="Model"/>.</summary>
    public string? Name { get; init; }

    /// <summary>The environment variable holding the API key, sent as a Bearer token; null sends none.</summary>
    public string? ApiKeyEnvironmentVariable { get; init; }

    /// <summary>Requests in flight at once against this backend; more wait their turn.</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>The limit for one attempt, from sending the request to the end of the stream.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>A stream that sends nothing for this long is treated as stalled and the attempt is retried.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt on 429, 5xx, timeouts, stalled or broken streams.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The first backoff delay; it doubles with each retry, with jitter, unless the server sends Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between attempts, including one asked for by Retry-After.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);
}
