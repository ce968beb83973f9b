using EvalKit.Cli.Supervision;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Caching;
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
    public IReadOnlyList<string> Check(ModelSpec spec)
    {
        ModelSource source;
        try
        {
            source = ModelSource.Parse(spec.Source);
        }
        catch (EvalKitException ex)
        {
            return [ex.Message + " " + ex.Hint];
        }
        if (source.Kind == ModelSourceKind.OpenAi)
        {
            var variable = Configured(spec)?.ApiKeyEnv ?? apiKeyEnv;
            return variable is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable))
                ? [$"the environment variable {variable} that should hold its API key is not set"]
                : [];
        }
        if (!File.Exists(source.Path))
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
            return [ex.Message + (ex.Hint is null ? "" : " " + ex.Hint)];
        }
    }

    public async Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken)
    {
        var source = ModelSource.Parse(spec.Source);
        if (source.Kind == ModelSourceKind.OpenAi)
            return OpenAiBackend.Create(EndpointOptions(spec, source));
        var options = local.For(source.Path!, spec.Name) with { Parallel = Math.Min(parallel, LlamaModelOptions.MaxParallel) };
        return FaultInjectingBackend.Wrap(await LlamaBackend.LoadAsync(options, cancellationToken));
    }

    /// <summary>A local file's SHA-256, as the loaded backend would report it (hashed once per process); null for endpoints.</summary>
    public async Task<string?> IdentityAsync(ModelSpec spec, CancellationToken cancellationToken)
    {
        var source = ModelSource.Parse(spec.Source);
        return source.Kind == ModelSourceKind.OpenAi ? null : await ModelIdentity.OfFileAsync(source.Path!, cancellationToken);
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
