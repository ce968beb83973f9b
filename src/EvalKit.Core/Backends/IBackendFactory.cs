namespace EvalKit.Core.Backends;

/// <summary>Turns a <see cref="ModelSpec"/> into a loaded backend. The CLI registers one per backend kind.</summary>
public interface IBackendFactory
{
    /// <summary>Cheap checks before anything expensive is loaded (file exists, scheme known); empty when fine.</summary>
    IReadOnlyList<string> Check(ModelSpec spec);

    Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// The model's response-cache identity without loading it (the same string <c>ModelIdentity.Of(loaded.Info)</c>
    /// gives, e.g. the file's SHA-256), so a model whose every answer is cached is never loaded. Null when only
    /// loading can tell; the runner then loads the model first.
    /// </summary>
    Task<string?> IdentityAsync(ModelSpec spec, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    /// <summary>
    /// Why the model lacks <paramref name="capability"/> (one flag of <see cref="BackendCapabilities"/>), known without
    /// loading it: e.g. an endpoint not declared to return prompt log-probabilities has no
    /// <see cref="BackendCapabilities.LogLikelihood"/>. Null when it has it, or when only loading can tell.
    /// </summary>
    string? MissingCapability(ModelSpec spec, BackendCapabilities capability) => null;
}
