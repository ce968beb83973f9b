using System.Runtime.CompilerServices;
using System.Threading.Channels;
using EvalKit.Core.Backends;

namespace EvalKit.Remote.Internal;

/// <summary>
/// One generation as a sequence of pieces: the text as it is generated (a backend that can stream,
/// <see cref="IStreamingBackend"/>, hands out pieces as they become certain; any other gives its whole text at the
/// end), then the <see cref="Completion"/>. A failure is thrown where the sequence reaches it, so a caller that has
/// not yet written anything can still answer it properly. Used by <c>serve</c> and the <c>IChatClient</c> adapter.
/// </summary>
internal static class BackendStream
{
    /// <summary>A piece of text (<see cref="Completion"/> null), or the end.</summary>
    public readonly record struct Piece(string Text, Completion? Completion);

    public static async IAsyncEnumerable<Piece> GenerateAsync(IModelBackend backend, GenerationRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (backend is not IStreamingBackend streaming)
        {
            var whole = await backend.GenerateAsync(request, cancellationToken);
            if (whole.Text.Length > 0)
                yield return new Piece(whole.Text, null);
            yield return new Piece("", whole);
            yield break;
        }
        var pieces = Channel.CreateUnbounded<string>();
        var generation = Task.Run(async () =>
        {
            try
            {
                return await streaming.GenerateAsync(request, piece => pieces.Writer.TryWrite(piece), cancellationToken);
            }
            finally
            {
                pieces.Writer.Complete();
            }
        }, cancellationToken);
        await foreach (var piece in pieces.Reader.ReadAllAsync(cancellationToken))
            yield return new Piece(piece, null);
        yield return new Piece("", await generation);
    }
}
