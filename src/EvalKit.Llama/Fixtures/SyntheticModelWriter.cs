using EvalKit.Core;
using EvalKit.Llama.Fixtures.Internal;
using EvalKit.Llama.Gguf;
using EvalKit.Llama.Gguf.Internal;
using LLama;
using LLama.Native;

namespace EvalKit.Llama.Fixtures;

/// <summary>
/// Writes a model with a real model's shape and seeded random weights, for speed and memory benchmarks where the
/// answers do not matter. The tokenizer is a SentencePiece vocabulary of byte tokens and filler pieces.
/// </summary>
public static class SyntheticModelWriter
{
    /// <summary>Writes F32 or F16 weights (norms stay F32, as llama.cpp's converters write them).</summary>
    public static void Write(SyntheticModelShape shape, string path, GgmlType type = GgmlType.F16, ulong seed = 42)
    {
        shape.Validate();
        if (type is not (GgmlType.F32 or GgmlType.F16))
            throw new EvalKitException($"Synthetic weights are written as F32 or F16, not {type}; use WriteQuantized for quantised files.");
        var weights = new SeededWeights(seed);
        var writer = Metadata(shape, type == GgmlType.F32 ? 0u : 1u);
        long d = shape.Embedding, kv = shape.KvWidth, ff = shape.FeedForward;
        void Matrix(string name, long columns, long rows) => writer.AddTensor(name, [columns, rows], type, weights.For(name));
        void Vector(string name, long length, GgufWriter.RowFiller fill) => writer.AddTensor(name, [length], GgmlType.F32, fill);

        Matrix("token_embd.weight", d, shape.Vocabulary);
        for (var i = 0; i < shape.Layers; i++)
        {
            var block = $"blk.{i}.";
            Vector(block + "attn_norm.weight", d, Ones);
            Matrix(block + "attn_q.weight", d, d);
            Matrix(block + "attn_k.weight", d, kv);
            Matrix(block + "attn_v.weight", d, kv);
            if (shape.Architecture == "qwen2")
            {
                Vector(block + "attn_q.bias", d, weights.For(block + "attn_q.bias"));
                Vector(block + "attn_k.bias", kv, weights.For(block + "attn_k.bias"));
                Vector(block + "attn_v.bias", kv, weights.For(block + "attn_v.bias"));
            }
            Matrix(block + "attn_output.weight", d, d);
            Vector(block + "ffn_norm.weight", d, Ones);
            Matrix(block + "ffn_gate.weight", d, ff);
            Matrix(block + "ffn_up.weight", d, ff);
            Matrix(block + "ffn_down.weight", ff, d);
        }
        Vector("output_norm.weight", d, Ones);
        if (!shape.TiedEmbeddings)
            Matrix("output.weight", d, shape.Vocabulary);
        writer.Write(path);
    }

    /// <summary>
    /// Writes the model quantised by llama.cpp: <paramref name="quantization"/> is f32, f16, q8_0, q4_0, q4_k_m or any
    /// other llama-quantize type name. Quantisation goes through a temporary F16 file beside <paramref name="path"/>.
    /// </summary>
    public static void WriteQuantized(SyntheticModelShape shape, string path, string quantization, ulong seed = 42, int threads = 1)
    {
        switch (quantization.ToLowerInvariant())
        {
            case "f32": Write(shape, path, GgmlType.F32, seed); return;
            case "f16": Write(shape, path, GgmlType.F16, seed); return;
        }
        var fileType = GgufFileTypes.Parse(quantization)
            ?? throw new EvalKitException($"Unknown quantisation '{quantization}'.", "Use a llama-quantize type such as q8_0, q4_0 or q4_k_m.");
        var source = Path.GetFullPath(path) + ".f16-" + Guid.NewGuid().ToString("N")[..8];
        var target = Path.GetFullPath(path) + ".q-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            Write(shape, source, GgmlType.F16, seed);
            // LLamaQuantizer's first native call bypasses LLamaSharp's library resolver; this loads the library first.
            NativeApi.llama_empty_call();
            if (!LLamaQuantizer.Quantize(source, target, (LLamaFtype)fileType, threads, allowRequantize: false))
                throw new EvalKitException($"llama.cpp could not quantise the synthetic model to {quantization}.",
                    "Its log says why; q4_0 and q8_0 need row lengths that are multiples of 32, K-quants fall back below 256.",
                    ErrorKind.RuntimeFailure);
            File.Move(target, path, overwrite: true);
        }
        finally
        {
            File.Delete(source);
            File.Delete(target);
        }
    }

    private static GgufWriter Metadata(SyntheticModelShape shape, uint fileType)
    {
        var arch = shape.Architecture;
        var vocabulary = SyntheticVocabulary.Build(shape.Vocabulary);
        var writer = new GgufWriter()
            .Set("general.architecture", arch)
            .Set("general.name", $"synthetic-{arch}-{shape.Layers}x{shape.Embedding}")
            .Set("general.file_type", fileType)
            .Set($"{arch}.context_length", (uint)shape.ContextLength)
            .Set($"{arch}.embedding_length", (uint)shape.Embedding)
            .Set($"{arch}.block_count", (uint)shape.Layers)
            .Set($"{arch}.feed_forward_length", (uint)shape.FeedForward)
            .Set($"{arch}.attention.head_count", (uint)shape.Heads)
            .Set($"{arch}.attention.head_count_kv", (uint)shape.KvHeads)
            .Set($"{arch}.rope.dimension_count", (uint)shape.HeadDimension)
            .Set($"{arch}.rope.freq_base", shape.RopeFreqBase)
            .Set($"{arch}.attention.layer_norm_rms_epsilon", 1e-6f)
            .Set("tokenizer.ggml.model", "llama")
            .Set("tokenizer.ggml.pre", "default")
            .Set("tokenizer.ggml.tokens", vocabulary.Tokens)
            .Set("tokenizer.ggml.scores", vocabulary.Scores)
            .Set("tokenizer.ggml.token_type", vocabulary.Types)
            .Set("tokenizer.ggml.unknown_token_id", 0u)
            .Set("tokenizer.ggml.bos_token_id", 1u)
            .Set("tokenizer.ggml.eos_token_id", 2u)
            .Set("tokenizer.ggml.add_bos_token", true)
            .Set("tokenizer.ggml.add_eos_token", false);
        return writer;
    }

    private static void Ones(long row, Span<float> values) => values.Fill(1f);
}
