using EvalKit.Cli.Output;
using EvalKit.Cli.Supervision;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Caching;
using EvalKit.Core.Running;
using EvalKit.Llama;
using EvalKit.Llama.Gguf;
using EvalKit.Remote;

namespace EvalKit.Cli.Models;

/// <summary>
/// Picks the backend for a model source by its scheme (see <see cref="ModelSource"/>): local GGUF files run through
/// llama.cpp with the command's local settings and <paramref name="parallel"/> slots (at most
/// <see cref="LlamaModelOptions.MaxParallel"/>); <c>openai:</c> endpoints run through <see cref="OpenAiBackend"/>
/// with the settings named for that model in <c>evalkit.yaml</c>; an endpoint without a configured
/// <c>concurrency</c> takes at least <paramref name="parallel"/> requests at once, so <c>run --parallel N</c> is not
/// silently held to the default.
/// </summary>
public sealed class BackendRegistry(LocalModelOptions local, ProjectConfig? config = null, string? apiKeyEnv = null, int parallel = 1) : IBackendFactory
{
    /// <summary>Hears llama.cpp's progress reading a local model's weights (<see cref="RunProgress.LoadingWeights"/>).</summary>
    public IProgress<RunProgress>? LoadProgress { get; set; }

    public IReadOnlyList<string> Check(ModelSpec spec)
    {
        ModelSource source;
        try
        {
            source = ModelSource.Parse(spec.Source);
        }
        catch (EvalKitException ex)
        {
            return [CliWording.Message(ex) + " " + CliWording.Hint(ex)];
        }
        if (source.Kind == ModelSourceKind.OpenAi)
        {
            var variable = Configured(spec)?.ApiKeyEnv ?? apiKeyEnv;
            return variable is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable))
                ? [$"the environment variable {variable} that should hold its API key is not set"]
                : [];
        }
        if (!File.Exists(source.Path) && !Directory.Exists(source.Path))
            return [$"model file not found: {source.Path} (pass a .gguf file; ./run-eval.sh with no arguments builds the demo models)"];
        try
        {
            GgufModelSummary.Read(source.Path).EnsureGeneratable();
            // Checked before the run, not when the model first loads: a run answered from the cache never loads it,
            // and --device cuda must not pass silently on a machine that cannot honour it.
            if (local.Device == LlamaDevice.Cuda)
                NativeLibrarySetup.Ensure(local.Device, local.NativeLibraryDirectory);
            return [];
        }
        catch (EvalKitException ex)
        {
            return [CliWording.Message(ex) + (CliWording.Hint(ex) is { } hint ? " " + hint : "")];
        }
    }

    /// <summary>
    /// Local models have every capability. An endpoint always generates, and gives log-likelihoods and token
    /// log-probabilities only when declared with <c>logprobs: true</c> in evalkit.yaml: whether a server returns prompt
    /// log-probabilities (vLLM and <c>evalkit serve</c> do, llama-server does not) is not probed, so a run never sends
    /// requests before it starts.
    /// </summary>
    public string? MissingCapability(ModelSpec spec, BackendCapabilities capability)
    {
        if (capability == BackendCapabilities.Generate)
            return null;
        ModelSource source;
        try
        {
            source = ModelSource.Parse(spec.Source);
        }
        catch (EvalKitException)
        {
            return null; // Check reports it
        }
        if (source.Kind != ModelSourceKind.OpenAi || Configured(spec)?.LogProbs == true)
            return null;
        return $"the endpoint is not declared to return prompt log-probabilities (capability 'logprobs'); if its server answers /completions "
            + $"with echo and logprobs (vLLM, evalkit serve; not llama-server), name it in {ProjectConfig.FileName} with logprobs: true "
            + $"({spec.Name}: {{source: \"{spec.Source}\", logprobs: true}})";
    }

    public async Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken)
    {
        var source = ModelSource.Parse(spec.Source);
        if (source.Kind == ModelSourceKind.OpenAi)
            return OpenAiBackend.Create(EndpointOptions(spec, source));
        var options = local.For(source.Path!, spec.Name) with { Parallel = Math.Min(parallel, LlamaModelOptions.MaxParallel) };
        return FaultInjectingBackend.Wrap(await LlamaBackend.LoadAsync(options, cancellationToken, LoadPercent(spec.Name)));
    }

    /// <summary>A local file's SHA-256, as the loaded backend would report it (hashed once per process); null for endpoints.</summary>
    public async Task<string?> IdentityAsync(ModelSpec spec, CancellationToken cancellationToken)
    {
        var source = ModelSource.Parse(spec.Source);
        return source.Kind == ModelSourceKind.OpenAi
            ? null
            : await ModelIdentity.OfFileAsync(source.Path!, cancellationToken, LlamaBackend.CacheVariantOf(local.ChatTemplate));
    }

    // llama.cpp calls back once per tensor, from its own thread: pass on whole percents only, synchronously.
    private IProgress<float>? LoadPercent(string model)
    {
        if (LoadProgress is not { } progress)
            return null;
        var last = -1;
        return new Callback(fraction =>
        {
            var percent = (int)Math.Clamp(fraction * 100, 0, 100);
            if (Interlocked.Exchange(ref last, percent) != percent)
                progress.Report(new RunProgress(model, "", percent, 100, null, RunProgress.LoadingWeights));
        });
    }

    private sealed class Callback(Action<float> report) : IProgress<float>
    {
        public void Report(float value) => report(value);
    }

    private OpenAiBackendOptions EndpointOptions(ModelSpec spec, ModelSource source)
    {
        var options = new OpenAiBackendOptions(source.BaseUrl!, source.Model!) { Name = spec.Name, ApiKeyEnvironmentVariable = apiKeyEnv };
        options = options with { Concurrency = Math.Max(options.Concurrency, parallel) };
        if (Configured(spec) is not { } configured)
            return options;
        options = options with { ApiKeyEnvironmentVariable = configured.ApiKeyEnv ?? apiKeyEnv };
        if (configured.Concurrency is { } concurrency)
            options = options with { Concurrency = concurrency };
        if (configured.TimeoutSeconds is { } seconds)
            options = options with { RequestTimeout = TimeSpan.FromSeconds(seconds) };
        return options;
    }

    // Settings from evalkit.yaml apply when the model is the one named there (same name, same source).
    private ModelConfig? Configured(ModelSpec spec) =>
        config?.Models.TryGetValue(spec.Name, out var configured) == true && configured.Source == spec.Source ? configured : null;
}
