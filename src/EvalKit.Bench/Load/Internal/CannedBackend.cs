using EvalKit.Core.Backends;

namespace EvalKit.Bench.Load.Internal;

/// <summary>
/// A backend that answers every request at once with <c>max_tokens</c> pieces of canned text, one token each: served
/// by <see cref="EvalKit.Remote.Serving.OpenAiServer"/>, it leaves the load generator (and the HTTP server) as the only work.
/// </summary>
internal sealed class CannedBackend : IStreamingBackend
{
    private const string Piece = " token";

    public ModelInfo Info { get; } = new() { Name = LoadSweep.Loopback, Backend = "canned", Source = "in-process" };

    public Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
        GenerateAsync(request, _ => { }, cancellationToken);

    public Task<Completion> GenerateAsync(GenerationRequest request, Action<string> onText, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tokens = request.Parameters.MaxTokens;
        for (var i = 0; i < tokens; i++)
            onText(Piece);
        return Task.FromResult(new Completion
        {
            Text = string.Concat(Enumerable.Repeat(Piece, tokens)),
            PromptTokens = request.Messages?.Sum(m => m.Content.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length) ?? 0,
            CompletionTokens = tokens,
            FinishReason = FinishReason.Length,
        });
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
