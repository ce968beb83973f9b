namespace EvalKit.Core.Backends;

/// <summary>
/// Optional capability of a backend that can hand out text while it generates (<c>evalkit serve</c> streams it).
/// </summary>
public interface IStreamingBackend : IModelBackend
{
    /// <summary>
    /// Generates like <see cref="IModelBackend.GenerateAsync"/>, calling <paramref name="onText"/> with each piece of the
    /// final text, in order, as soon as it is certain (text that could still become a stop string is held back).
    /// The pieces joined equal <see cref="Completion.Text"/>. The callback may run on another thread; keep it quick.
    /// </summary>
    Task<Completion> GenerateAsync(GenerationRequest request, Action<string> onText, CancellationToken cancellationToken = default);
}
