using System.ComponentModel;
using System.Globalization;
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
    [Description("With --endpoint: the concurrency levels, comma-separated; at each, that many clients send their next request when the last one ends. Default 1,2,4,8; not with --request-rate.")]
    public string? Concurrency { get; init; }

    [CommandOption("--request-rate <LIST>")]
    [Description("With --endpoint: open-loop load instead of --concurrency: requests arrive at this many per second (Poisson arrivals, seeded by --seed; 'inf' sends them all at once), each sent whether or not earlier ones have finished. Several rates comma-separated (e.g. 1,2,4,inf) are swept in order.")]
    public string? RequestRate { get; init; }

    [CommandOption("--burstiness <X>")]
    [Description("With --request-rate: the gamma shape of the gaps between arrivals, as vLLM's; 1 is Poisson, below 1 burstier, above 1 more even.")]
    [DefaultValue(1.0)]
    [Bounds(0, 1000)]
    public double Burstiness { get; init; } = 1.0;

    [CommandOption("--slo <LIMITS>")]
    [Description("With --endpoint: latency limits for goodput (completed requests per second meeting all of them), e.g. ttft=500ms,tpot=50ms; names ttft, tpot, e2el; values in ms or s.")]
    public string? Slo { get; init; }

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
        if (Concurrency is not null && RequestRate is not null)
            return ValidationResult.Error("--concurrency (closed loop) and --request-rate (open loop) are two kinds of load: give one.");
        if (ParseConcurrency() is null)
            return ValidationResult.Error($"--concurrency must be positive whole numbers separated by commas (e.g. 1,2,4,8), not '{Concurrency}'.");
        if (RequestRate is not null && ParseRequestRates() is null)
            return ValidationResult.Error($"--request-rate must be positive numbers or 'inf' separated by commas (e.g. 1,2,4,inf), not '{RequestRate}'.");
        if (!(Burstiness > 0 && double.IsFinite(Burstiness)))
            return ValidationResult.Error($"--burstiness must be a positive number (1 is Poisson), not {Burstiness.ToString(CultureInfo.InvariantCulture)}.");
        if (Slo is not null && ServiceLevelObjectives.Parse(Slo, out var sloError) is null)
            return ValidationResult.Error($"--slo must be limits such as ttft=500ms,tpot=50ms (ttft, tpot, e2el; ms or s): {sloError}.");
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
            RequestRates = RequestRate is null ? null : ParseRequestRates(),
            Burstiness = Burstiness,
            Slo = Slo is null ? null : ServiceLevelObjectives.Parse(Slo, out _),
            RequestTimeout = TimeSpan.FromSeconds(Timeout),
        };

    private List<int>? ParseConcurrency() => NumberList.Parse(Concurrency ?? "1,2,4,8", minimum: 1);

    private List<double>? ParseRequestRates()
    {
        var rates = new List<double>();
        foreach (var part in RequestRate!.Split(',', StringSplitOptions.TrimEntries))
        {
            if (part.Equals("inf", StringComparison.OrdinalIgnoreCase))
                rates.Add(double.PositiveInfinity);
            else if (double.TryParse(part, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate > 0)
                rates.Add(rate);
            else
                return null;
        }
        return rates;
    }
}
