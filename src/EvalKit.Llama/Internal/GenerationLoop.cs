using System.Diagnostics;
using EvalKit.Core.Backends;
using LLama;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// Generates one completion on a context that is reused across requests: clears its memory, decodes the
/// prompt, then samples token by token until the <see cref="GenerationSequence"/> ends. Not thread-safe; the
/// backend serialises calls.
/// </summary>
internal sealed class GenerationLoop(LLamaWeights weights, LLamaContext context)
{
    private readonly LLamaBatch _batch = new();

    /// <param name="onText">Receives the final text piece by piece as it becomes certain (see <see cref="IStreamingBackend"/>).</param>
    public Completion Run(
        string renderedPrompt, LLamaToken[] prompt, GenerationParameters parameters, Stopwatch clock, Action<string>? onText, CancellationToken cancellationToken)
    {
        var contextSize = (int)context.ContextSize;
        CheckPrompt(prompt, contextSize);

        cancellationToken.ThrowIfCancellationRequested();
        // Clearing metadata only is enough for reuse; clearing the buffers too would cost a full memset per request.
        context.NativeHandle.MemoryClear(false);
        using var sequence = new GenerationSequence(weights, context, renderedPrompt, prompt, parameters, contextSize, onText);
        DecodePrompt(prompt, cancellationToken);

        var logitsIndex = _batch.TokenCount - 1;
        while (sequence.Advance(logitsIndex, clock))
        {
            cancellationToken.ThrowIfCancellationRequested();
            _batch.Clear();
            logitsIndex = sequence.AddNextTo(_batch, LLamaSeqId.Zero);
            NativeDecode.Run(context, _batch);
        }
        return sequence.ToCompletion();
    }

    /// <exception cref="PromptTooLongException">The prompt does not fit <paramref name="contextSize"/>.</exception>
    public static void CheckPrompt(LLamaToken[] prompt, int contextSize)
    {
        if (prompt.Length == 0)
            throw LlamaErrors.EmptyPrompt();
        if (prompt.Length > contextSize)
            throw new PromptTooLongException(prompt.Length, contextSize);
    }

    // A prompt longer than the context's batch size is decoded in batch-sized chunks; only the last needs logits.
    private void DecodePrompt(LLamaToken[] prompt, CancellationToken cancellationToken)
    {
        var chunk = Math.Max(1, (int)context.BatchSize);
        for (var start = 0; start < prompt.Length; start += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(prompt.Length, start + chunk);
            _batch.Clear();
            _batch.AddRange(prompt.AsSpan(start, end - start), start, LLamaSeqId.Zero, end == prompt.Length);
            NativeDecode.Run(context, _batch);
        }
    }
}
