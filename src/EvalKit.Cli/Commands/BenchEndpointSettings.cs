using System.ComponentModel;
using EvalKit.Bench.Load;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary>The options of <c>evalkit bench --endpoint</c>, the endpoint load sweep.</summary>
public abstract class BenchEndpointSettings : CommandSettings
{
    [CommandOption("--endpoint <URL>")]
    [Description("Sweep an OpenAI-compatible endpoint's API root (e.g. http://127.0.0.1:8080/v1) with streamed chat completions; 'loopback' measures the load generator's own ceiling against an in-process server that answers instantly.")]
    public string? Endpoint { get; init; }

    [CommandOption("--model <NAME>")]
    [Description("With --endpoint: the model name the server knows.")]
    public string? Model { get; init; }

    [CommandOption("--api-key-env <NAME>")]
    [Description("With --endpoint: the environment variable holding the API key (sent as a Bearer token).")]
    public string? ApiKeyEnv { get; init; }

    [CommandOption("-c|--concurrency <LIST>")]
    [Description("With --endpoint: the concurrency levels, comma-separated; at each, that many clients send their next request when the last one ends.")]
    [DefaultValue("1,2,4,8")]
    public string Concurrency { get; init; } = "1,2,4,8";

    [CommandOption("--requests <N>")]
    [Bounds(1, 10000000)]
    [Description("With --endpoint: measured requests per concurrency level.")]
    [DefaultValue(32)]
    public int Requests { get; init; } = 32;

    [CommandOption("--warmup <N>")]
    [Bounds(0, 10000)]
    [Description("With --endpoint: warm-up requests per client before each level, not measured.")]
    [DefaultValue(1)]
    public int Warmup { get; init; } = 1;

    [CommandOption("--prompt-words <N>")]
    [Bounds(1, 1000000)]
    [Description("With --endpoint: words of each synthetic prompt (about one token each; the server's prompt token count is reported).")]
    [DefaultValue(64)]
    public int PromptWords { get; init; } = 64;

    [CommandOption("--max-tokens <N>")]
    [Bounds(1, 1048576)]
    [Description("With --endpoint: max_tokens of each request (the server may stop earlier; actual counts are reported).")]
    [DefaultValue(32)]
    public int MaxTokens { get; init; } = 32;

    [CommandOption("--seed <N>")]
    [Bounds(0, int.MaxValue)]
    [Description("With --endpoint: seed of the synthetic prompts, also sent as the request seed.")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    [CommandOption("--timeout <SECONDS>")]
    [Bounds(1, 86400)]
    [Description("With --endpoint: the limit for one request, queueing at the server included; a request that takes longer is counted as failed.")]
    [DefaultValue(600)]
    public int Timeout { get; init; } = 600;

    [CommandOption("--ceiling-requests <N>")]
    [Bounds(0, 10000000)]
    [Description("With --endpoint URL: measured requests per level of the generator-ceiling sweep run afterwards (0 skips it).")]
    [DefaultValue(1000)]
    public int CeilingRequests { get; init; } = 1000;

    internal bool IsLoopback => string.Equals(Endpoint, LoadSweep.Loopback, StringComparison.OrdinalIgnoreCase);

    internal ValidationResult ValidateEndpoint()
    {
        if (!IsLoopback && !(Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            return ValidationResult.Error($"--endpoint must be an http(s) URL (the API root, e.g. http://127.0.0.1:8080/v1) or 'loopback', not '{Endpoint}'.");
        if (!IsLoopback && string.IsNullOrWhiteSpace(Model))
            return ValidationResult.Error("--endpoint needs --model: the model name the server knows (GET <endpoint>/models lists them).");
        if (ParseConcurrency() is null)
            return ValidationResult.Error($"--concurrency must be positive whole numbers separated by commas (e.g. 1,2,4,8), not '{Concurrency}'.");
        return ValidationResult.Success();
    }

    internal LoadSweepOptions ToLoadOptions() =>
        new(IsLoopback ? new Uri("http://127.0.0.1/v1") : new Uri(Endpoint!), Model ?? LoadSweep.Loopback)
        {
            ApiKeyEnvironmentVariable = ApiKeyEnv,
            Concurrency = ParseConcurrency()!,
            RequestsPerLevel = Requests,
            WarmupPerClient = Warmup,
            PromptWords = PromptWords,
            MaxTokens = MaxTokens,
            Seed = Seed,
            RequestTimeout = TimeSpan.FromSeconds(Timeout),
        };

    private List<int>? ParseConcurrency() => NumberList.Parse(Concurrency, minimum: 1);
}
