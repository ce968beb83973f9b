using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// A batch that llama.cpp allocates once (<c>llama_batch_init</c>), filled in place and passed to
/// <c>llama_decode</c> as it is. LLamaSharp's <see cref="LLamaBatch"/> pins its five arrays and one more per token
/// and takes a process-wide lock on every decode: a fixed cost that a one-token generation step pays in full.
/// Each token belongs to one sequence. Not thread-safe: one decode loop owns it.
/// </summary>
internal sealed unsafe class NativeBatch(int capacity) : IDisposable
{
    private LLamaNativeBatch _batch = NativeApi.llama_batch_init(capacity, 0, 1);

    public int Capacity => capacity;

    public int TokenCount => _batch.n_tokens;

    public void Clear() => _batch.n_tokens = 0;

    /// <summary>Adds a token of <paramref name="sequence"/> at <paramref name="position"/>; returns its index (where its logits are read).</summary>
    public int Add(LLamaToken token, int position, LLamaSeqId sequence, bool logits)
    {
        ObjectDisposedException.ThrowIf(_batch.tokens is null, this);
        var index = _batch.n_tokens;
        if (index == capacity)
            throw new InvalidOperationException($"The batch holds at most {capacity} tokens.");
        _batch.tokens[index] = token;
        _batch.pos[index] = position;
        _batch.n_seq_id[index] = 1;
        _batch.seq_id[index][0] = sequence;
        _batch.logits[index] = logits ? (byte)1 : (byte)0;
        _batch.n_tokens = index + 1;
        return index;
    }

    /// <summary><c>llama_decode</c> of the tokens added since the last <see cref="Clear"/>.</summary>
    public DecodeResult Decode(SafeLLamaContextHandle context)
    {
        ObjectDisposedException.ThrowIf(_batch.tokens is null, this);
        return _batch.n_tokens == 0 ? DecodeResult.Ok : (DecodeResult)LlamaNative.llama_decode(context, _batch);
    }

    public void Dispose()
    {
        if (_batch.tokens is null)
            return;
        NativeApi.llama_batch_free(_batch);
        _batch = default;
    }
}
