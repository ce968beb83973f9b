using EvalKit.Core.Caching;

namespace EvalKit.Core.Backends;

/// <summary>
/// A model's backend loaded on first use, so a run whose every answer is cached never loads it: the first request
/// (generation or log-likelihood) loads it through the factory, and later ones go straight to it. Decorators such as
/// the response cache wrap it (<see cref="Running.RunRequest.Decorate"/>). <paramref name="onLoading"/> hears when the
/// load really starts; <paramref name="onInfo"/> hears what a run manifest should record about the model: its loaded
/// info, or, while nothing is loaded, what a decorator learned elsewhere (<see cref="Describe"/>). Safe to call concurrently.
/// </summary>
public sealed class LazyBackend(IBackendFactory factory, ModelSpec spec, Action? onLoading = null, Action<ModelInfo>? onInfo = null)
    : IModelBackend, ILogLikelihood
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly TaskCompletionSource _loadedOnce = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private IModelBackend? _loaded;
    private Task<string>? _identity;
    private Exception? _failure;
    private bool _disposed;

    public ModelSpec Spec => spec;

    /// <summary>The backend once a request needed it; null until then.</summary>
    public IModelBackend? Loaded => _loaded;

    /// <summary>What the manifest records about the model so far (loaded or described); null before either.</summary>
    public ModelInfo? Known { get; private set; }

    /// <exception cref="InvalidOperationException">Nothing is loaded yet.</exception>
    public ModelInfo Info => _loaded?.Info ?? throw new InvalidOperationException($"Model '{spec.Name}' is not loaded.");

    /// <summary>The loaded backend's capabilities; before loading, every capability the factory does not rule out.</summary>
    public BackendCapabilities Capabilities => _loaded?.Capabilities
        ?? Enum.GetValues<BackendCapabilities>().Where(c => c != BackendCapabilities.None && factory.MissingCapability(spec, c) is null)
            .Aggregate(BackendCapabilities.None, (all, c) => all | c);

    /// <summary>Completes when the backend is loaded (never, when nothing needs it).</summary>
    public Task WhenLoaded => _loadedOnce.Task;

    /// <summary>
    /// True for the exception of a failed load or of recording the model's info (a resumed run's model changed): it
    /// stops the run, where a failed request is only an error sample.
    /// </summary>
    public bool StopsTheRun(Exception exception) => ReferenceEquals(exception, _failure);

    public async Task<IModelBackend> LoadAsync(CancellationToken cancellationToken)
    {
        if (_loaded is { } loaded)
            return loaded;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_loaded is null)
            {
                try
                {
                    onLoading?.Invoke();
                    _loaded = await factory.LoadAsync(spec, cancellationToken);
                    Record(_loaded.Info);
                }
                catch (Exception ex)
                {
                    _failure ??= ex;
                    throw;
                }
                _loadedOnce.TrySetResult();
            }
            return _loaded;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// The model's response-cache identity (<see cref="ModelIdentity"/>): the factory's, without loading, or else the
    /// loaded model's. Computed once (a model file is hashed once).
    /// </summary>
    public Task<string> IdentityAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
            return _identity ??= ComputeIdentityAsync(cancellationToken);
    }

    /// <summary>Records what is known about the model without loading it (e.g. stored with cached answers); ignored once anything is known.</summary>
    public void Describe(ModelInfo info)
    {
        if (Known is not null)
            return;
        try
        {
            Record(info);
        }
        catch (Exception ex)
        {
            _failure ??= ex;
            throw;
        }
    }

    public async Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
        await (await LoadAsync(cancellationToken)).GenerateAsync(request, cancellationToken);

    /// <exception cref="NotSupportedException">The loaded backend has no log-likelihoods.</exception>
    public async Task<LogLikelihoodResult> LogLikelihoodAsync(string context, string continuation, CancellationToken cancellationToken = default) =>
        await LoadAsync(cancellationToken) is ILogLikelihood model
            ? await model.LogLikelihoodAsync(context, continuation, cancellationToken)
            : throw new NotSupportedException($"Model '{spec.Name}' cannot compute log-probabilities.");

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (_loaded is not null)
            await _loaded.DisposeAsync();
        _loading.Dispose();
    }

    private async Task<string> ComputeIdentityAsync(CancellationToken cancellationToken) =>
        await factory.IdentityAsync(spec, cancellationToken) ?? ModelIdentity.Of((await LoadAsync(cancellationToken)).Info);

    private void Record(ModelInfo info)
    {
        Known = info with { Name = spec.Name };
        onInfo?.Invoke(Known);
    }
}
