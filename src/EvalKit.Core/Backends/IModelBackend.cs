namespace EvalKit.Core.Backends;

/// <summary>
/// A loaded model that turns requests into completions. Implementations load their model once
/// and may be called many times; they must be safe to call from one thread at a time at least.
/// </summary>
public interface IModelBackend : IAsyncDisposable
{
    ModelInfo Info { get; }

    /// <summary>What this backend can answer: <see cref="BackendCapabilities.Generate"/>, and each optional interface it implements.</summary>
    BackendCapabilities Capabilities => BackendCapabilities.Generate
        | (this is ILogLikelihood ? BackendCapabilities.LogLikelihood : BackendCapabilities.None)
        | (this is ITokenLogProbs ? BackendCapabilities.TokenLogProbs : BackendCapabilities.None);

    Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default);
}
