namespace EvalKit.Core.Backends;

/// <summary>
/// Optional capability of backends that can generate several requests together (parallel sequences in one
/// batch on a local model). Each request is generated as one <see cref="IModelBackend.GenerateAsync"/> call would
/// (same sampler, seed, stop rules); timings are measured from the start of the batch. Kernels that are not
/// batch-invariant (llama.cpp's are not: one token decodes slightly differently from several) can change logits in
/// the last bits, so a sampled token, or very rarely a greedy near-tie, may differ from one-at-a-time generation.
/// </summary>
public interface IBatchGeneration
{
    /// <summary>Completions in request order. Throws, generating nothing, when any request cannot run (e.g. its prompt is too long).</summary>
    Task<IReadOnlyList<Completion>> GenerateBatchAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken = default);
}
