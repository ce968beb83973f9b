namespace EvalKit.Core.Backends;

/// <summary>
/// Optional capability of backends that can generate several requests together (parallel sequences in one
/// batch on a local model). Results must equal one <see cref="IModelBackend.GenerateAsync"/> call per request; only
/// the timings differ: they are measured from the start of the batch.
/// </summary>
public interface IBatchGeneration
{
    /// <summary>Completions in request order. Throws, generating nothing, when any request cannot run (e.g. its prompt is too long).</summary>
    Task<IReadOnlyList<Completion>> GenerateBatchAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken = default);
}
