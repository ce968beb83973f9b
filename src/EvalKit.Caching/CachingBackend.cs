using EvalKit.Core.Backends;
using EvalKit.Core.Running;

namespace EvalKit.Caching;

/// <summary>
/// A backend behind a <see cref="ResponseCache"/>, as Microsoft.Extensions.AI's <c>ResponseCachingChatClient</c>
/// wraps a chat client: a generation request whose answer is stored (same model identity, request and sampling
/// parameters) is answered from the cache, marked <see cref="Completion.Cached"/>, without loading the model; any other
/// is sent to the model, and a successful completion is stored. Log-likelihood requests pass through uncached. While
/// nothing is loaded, a hit records the model as stored with its answers (<see cref="LazyBackend.Describe"/>); with no
/// such record the case is generated instead, so the run manifest always identifies the model.
/// </summary>
public sealed class CachingBackend(LazyBackend inner, ResponseCache cache) : IModelBackend, ILogLikelihood
{
    /// <summary>The decoration a run applies (<see cref="RunRequest.Decorate"/>): the cache in front of each model; null without a cache.</summary>
    public static Func<LazyBackend, IModelBackend>? For(ResponseCache? cache) =>
        cache is null ? null : backend => new CachingBackend(backend, cache);

    public ModelInfo Info => inner.Info;

    public BackendCapabilities Capabilities => inner.Capabilities;

    public async Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var identity = await inner.IdentityAsync(cancellationToken);
        var key = ResponseCache.KeyOf(identity, request);
        if (cache.Find(key) is { } hit && Described(identity))
            return hit.Completion with { Cached = true };
        var completion = await inner.GenerateAsync(request, cancellationToken);
        cache.Store(key, inner.Info, completion);
        return completion;
    }

    public Task<LogLikelihoodResult> LogLikelihoodAsync(string context, string continuation, CancellationToken cancellationToken = default) =>
        inner.LogLikelihoodAsync(context, continuation, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    /// <summary>Whether the manifest can name the model: it is loaded or described, or the cache recorded it (now described).</summary>
    private bool Described(string identity)
    {
        if (inner.Known is not null)
            return true;
        if (cache.FindModel(identity) is not { } stored)
            return false;
        // What another run measured while loading it does not describe this run.
        var details = stored.Details.Where(d => d.Key is not (ModelInfo.LoadSecondsDetail or ModelInfo.PeakResidentBytesDetail))
            .ToDictionary(d => d.Key, d => d.Value);
        details["loaded"] = "no (every answer so far came from the response cache)";
        inner.Describe(stored with { Details = details });
        return true;
    }
}
