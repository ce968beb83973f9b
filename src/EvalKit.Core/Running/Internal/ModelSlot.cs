using EvalKit.Core.Backends;
using EvalKit.Core.Caching;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// One model of a run, loaded only when a case is not in the cache. <paramref name="onLoading"/> hears when the load
/// really starts (never, when every answer comes from the cache). <paramref name="onInfo"/> hears what the
/// manifest should record about the model: its loaded info, or, while every answer so far came from the cache,
/// the info stored with those answers.
/// </summary>
internal sealed class ModelSlot(
    IBackendFactory backends, ModelSpec spec, ResponseCache? cache, IRunObserver observer, Action onLoading, Action<ModelInfo> onInfo)
    : IAsyncDisposable
{
    private IModelBackend? _backend;
    private ModelInfo? _info;
    private string? _identity;

    public string Name => spec.Name;

    /// <summary>The model's own generation settings, merged over each suite's defaults.</summary>
    public ModelSettings? Settings => spec.Settings;

    /// <summary>The backend once something needed it; null while every answer came from the cache.</summary>
    public IModelBackend? Loaded => _backend;
    public async Task<IModelBackend> BackendAsync(CancellationToken cancellationToken)
    {
        if (_backend is null)
        {
            // A native crash while loading is the model's fault, not the case's that happened to need it first.
            observer.ModelLoading(spec.Name);
            onLoading();
            _backend = await backends.LoadAsync(spec, cancellationToken);
            observer.ModelLoaded(spec.Name);
            Record(_backend.Info);
        }
        return _backend;
    }

    public async Task<CachedResponse?> LookUpAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        if (cache is null)
            return null;
        var identity = await IdentityAsync(cancellationToken);
        if (cache.Find(ResponseCache.KeyOf(identity, request)) is not { } hit)
            return null;
        if (_info is null)
        {
            // Without a record of the model the manifest would lack its identity: generate instead.
            if (cache.FindModel(identity) is not { } stored)
                return null;
            // What another run measured while loading it does not describe this run.
            var details = stored.Details.Where(d => d.Key is not (ModelInfo.LoadSecondsDetail or ModelInfo.PeakResidentBytesDetail))
                .ToDictionary(d => d.Key, d => d.Value);
            details["loaded"] = "no (every answer so far came from the response cache)";
            Record(stored with { Details = details });
        }
        return hit;
    }

    /// <summary>Stores a successful completion under the identity <see cref="LookUpAsync"/> used.</summary>
    public void Store(GenerationRequest request, Completion completion)
    {
        if (cache is not null && _identity is not null && _backend is not null)
            cache.Store(ResponseCache.KeyOf(_identity, request), _backend.Info, completion);
    }

    public async ValueTask DisposeAsync()
    {
        if (_backend is not null)
            await _backend.DisposeAsync();
    }

    private async Task<string> IdentityAsync(CancellationToken cancellationToken) =>
        _identity ??= await backends.IdentityAsync(spec, cancellationToken) ?? ModelIdentity.Of((await BackendAsync(cancellationToken)).Info);

    private void Record(ModelInfo info)
    {
        _info = info with { Name = spec.Name };
        onInfo(_info);
    }
}
