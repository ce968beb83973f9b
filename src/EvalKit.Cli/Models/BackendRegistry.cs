using EvalKit.Cli.Supervision;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Caching;
using EvalKit.Llama;
using EvalKit.Llama.Gguf;

namespace EvalKit.Cli.Models;

/// <summary>
/// Picks the backend for a model source. Today every source is a local GGUF file (optionally written
/// <c>llama:PATH</c>); remote endpoints register here when they arrive.
/// </summary>
public sealed class BackendRegistry(LocalModelOptions local) : IBackendFactory
{
    private const string LlamaScheme = "llama:";

    public IReadOnlyList<string> Check(ModelSpec spec)
    {
        var path = LocalPath(spec);
        if (!File.Exists(path))
            return [$"model file not found: {path} (pass a .gguf file; ./run-eval.sh with no arguments builds the demo models)"];
        try
        {
            GgufModelSummary.Read(path).EnsureGeneratable();
            return [];
        }
        catch (EvalKitException ex)
        {
            return [ex.Message + (ex.Hint is null ? "" : " " + ex.Hint)];
        }
    }

    public async Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken)
    {
        var options = new LlamaModelOptions(LocalPath(spec))
        {
            Name = spec.Name,
            Device = local.Device,
            NativeLibraryDirectory = local.NativeLibraryDirectory,
        };
        if (local.Threads is { } threads)
            options = options with { Threads = threads };
        if (local.ContextSize is { } contextSize)
            options = options with { ContextSize = contextSize };
        if (local.GpuLayers is { } gpuLayers)
            options = options with { GpuLayers = gpuLayers };
        return FaultInjectingBackend.Wrap(await LlamaBackend.LoadAsync(options, cancellationToken));
    }

    /// <summary>The file's SHA-256, as the loaded backend would report it; hashed once per process.</summary>
    public async Task<string?> IdentityAsync(ModelSpec spec, CancellationToken cancellationToken) =>
        await ModelIdentity.OfFileAsync(LocalPath(spec), cancellationToken);

    private static string LocalPath(ModelSpec spec) =>
        spec.Source.StartsWith(LlamaScheme, StringComparison.OrdinalIgnoreCase) ? spec.Source[LlamaScheme.Length..] : spec.Source;
}
