using EvalKit.Llama.Gguf;

namespace EvalKit.Llama.Memory.Internal;

/// <summary>
/// The arithmetic behind <see cref="ModelMemoryEstimate"/>, following what llama.cpp (b10221) allocates when EvalKit
/// loads a model: one context of the requested size and, with <c>--parallel</c> N &gt; 1, a second one of N sequences
/// of that size each (see <c>BatchGenerator</c>).
/// </summary>
internal static class MemoryEstimator
{
    // llama.cpp rounds a context up to a multiple of 256 cells, and decodes in micro-batches of 512 tokens.
    private const int CellStep = 256;
    private const int MicroBatch = 512;
    private const int MaxSequences = 64;
    private const int KvBytesPerValue = 2;

    public static ModelMemoryEstimate Estimate(GgufFile file, int contextSize, int parallel, int gpuLayers)
    {
        var arch = file.GetString("general.architecture") ?? "llama";
        long Key(string name, long fallback) => file.GetInt64($"{arch}.{name}") ?? fallback;
        var layers = (int)Key("block_count", 0);
        var embedding = Key("embedding_length", 0);
        var heads = Math.Max(1, Key("attention.head_count", 1));
        var kvHeads = Key("attention.head_count_kv", heads);
        var keyLength = Key("attention.key_length", embedding / heads);
        var valueLength = Key("attention.value_length", embedding / heads);
        var feedForward = Key("feed_forward_length", 4 * embedding);
        var vocabulary = file.Metadata.TryGetValue("tokenizer.ggml.tokens", out var tokens) && tokens.IsArray ? tokens.Length : 0;
        var trained = Key("context_length", contextSize);

        var context = RoundUp((int)Math.Min(contextSize, Math.Max(1, trained)));
        var sequences = Math.Clamp(parallel, 1, MaxSequences);
        var cells = (long)context + (sequences > 1 ? (long)sequences * context : 0);
        var kvPerCell = layers * (keyLength + valueLength) * kvHeads * KvBytesPerValue;
        var kvCache = cells * kvPerCell;

        var weights = file.Tensors.Sum(t => t.ByteSize);
        // Each context has a compute buffer and an output buffer for its logits: the main one holds a whole
        // micro-batch of logits at worst (log-likelihood scoring asks for every continuation token's), the batch
        // one a row per sequence.
        var buffers = ComputeBytes(embedding, feedForward, vocabulary, context);
        var compute = buffers + 4L * vocabulary * Math.Min(MicroBatch, context)
            + (sequences > 1 ? buffers + 4L * vocabulary * sequences : 0);

        var offloaded = Math.Clamp(gpuLayers, 0, layers);
        long gpu = 0;
        if (offloaded > 0)
        {
            var layerWeights = file.Tensors.Where(t => t.Name.StartsWith("blk.", StringComparison.Ordinal))
                .Where(t => LayerOf(t.Name) < offloaded).Sum(t => t.ByteSize);
            // The output matrix (and the final norm) go to the GPU only when every layer does; token embeddings never.
            var output = gpuLayers > layers ? file.Tensors.Where(t => t.Name.StartsWith("output", StringComparison.Ordinal)).Sum(t => t.ByteSize) : 0;
            gpu = layerWeights + output + cells * kvPerCell / Math.Max(1, layers) * offloaded + compute;
        }
        return new ModelMemoryEstimate
        {
            WeightBytes = weights, KvCacheBytes = kvCache, ComputeBytes = compute, KvCells = cells, ContextSize = context,
            Sequences = sequences, Layers = layers, GpuLayers = offloaded, GpuBytes = gpu,
        };
    }

    // ggml's graph allocator reuses memory across layers, and with flash attention (on by default) the attention
    // scores over the context are never materialised, so the compute buffer is the larger of one layer's
    // feed-forward activations and the f32 logits of a micro-batch (measured: 66.5 MiB for n_vocab 32000, n_embd 1024,
    // at every context size).
    private static long ComputeBytes(long embedding, long feedForward, long vocabulary, int context)
    {
        var tokens = (long)Math.Min(MicroBatch, context);
        return 4 * tokens * (Math.Max(2 * feedForward, vocabulary) + embedding);
    }

    private static int RoundUp(int cells) => (cells + CellStep - 1) / CellStep * CellStep;

    private static int LayerOf(string name)
    {
        var end = name.IndexOf('.', 4);
        return end > 4 && int.TryParse(name.AsSpan(4, end - 4), out var layer) ? layer : int.MaxValue;
    }
}
