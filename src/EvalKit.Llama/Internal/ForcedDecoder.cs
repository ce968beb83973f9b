using LLama;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// Feeds a known token sequence through a context (teacher forcing) in batch-sized chunks, asking for logits
/// at every position from a given one on. After <see cref="DecodeChunk"/>, <see cref="Logits"/> reads the
/// next-token logits at any position of that chunk; the next chunk overwrites them.
/// </summary>
internal sealed class ForcedDecoder(LLamaContext context)
{
    private readonly LLamaBatch _batch = new();
    private int _chunkStart;

    /// <summary>The most tokens one chunk may hold: the context's batch size.</summary>
    public int ChunkSize => Math.Max(1, (int)context.BatchSize);

    public int ContextSize => (int)context.ContextSize;

    /// <summary>Forgets everything decoded so far (the next sequence starts at position 0).</summary>
    public void Reset() => context.NativeHandle.MemoryClear(false);

    /// <summary>
    /// Decodes <paramref name="tokens"/>[<paramref name="start"/>..<paramref name="end"/>) at their own positions,
    /// with logits for positions at or after <paramref name="firstOutput"/>.
    /// </summary>
    public void DecodeChunk(ReadOnlySpan<LLamaToken> tokens, int start, int end, int firstOutput)
    {
        _batch.Clear();
        for (var position = start; position < end; position++)
            _batch.Add(tokens[position], position, LLamaSeqId.Zero, position >= firstOutput);
        _chunkStart = start;
        NativeDecode.Run(context, _batch);
    }

    /// <summary>The logits that predict the token after <paramref name="position"/>, from the last chunk.</summary>
    public Span<float> Logits(int position) => context.NativeHandle.GetLogitsIth(position - _chunkStart);
}
