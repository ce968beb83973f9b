namespace EvalKit.Core.Backends;

/// <summary>
/// A loaded model that turns requests into completions. Implementations load their model once
/// and may be called many times; they must be safe to call from one thread at a time at least.
/// </summary>
public interface IModelBackend : IAsyncDisposable
{
    ModelInfo Info { get; }

    Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default);
}
