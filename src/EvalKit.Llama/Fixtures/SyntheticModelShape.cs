using EvalKit.Core;

namespace EvalKit.Llama.Fixtures;

/// <summary>
/// The shape of a transformer for <see cref="SyntheticModelWriter"/>: a real model's dimensions without its
/// weights. <see cref="Architecture"/> is <c>llama</c> or <c>qwen2</c> (which adds q/k/v biases).
/// </summary>
public sealed record SyntheticModelShape(
    string Architecture, int Layers, int Embedding, int Heads, int KvHeads, int FeedForward, int Vocabulary,
    int ContextLength, bool TiedEmbeddings = false, float RopeFreqBase = 10_000f)
{
    private static readonly Dictionary<string, SyntheticModelShape> _presets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tiny"] = new("llama", 2, 256, 4, 2, 512, 1024, 512),
        ["qwen2-0.5b"] = new("qwen2", 24, 896, 14, 2, 4864, 151_936, 32_768, TiedEmbeddings: true, RopeFreqBase: 1_000_000f),
        ["qwen2-1.5b"] = new("qwen2", 28, 1536, 12, 2, 8960, 151_936, 32_768, TiedEmbeddings: true, RopeFreqBase: 1_000_000f),
        ["llama-7b"] = new("llama", 32, 4096, 32, 32, 11_008, 32_000, 4096),
    };

    /// <summary>tiny, qwen2-0.5b, qwen2-1.5b, llama-7b.</summary>
    public static IReadOnlyCollection<string> PresetNames => _presets.Keys;

    public int HeadDimension => Embedding / Heads;

    /// <summary>Width of the K and V projections: KV heads × head dimension.</summary>
    public int KvWidth => KvHeads * HeadDimension;

    /// <summary>
    /// Elements in all tensors: embeddings, per layer (norms, q/k/v/o, qwen2's biases, gate/up/down), final norm,
    /// and the output matrix unless tied. Qwen2-0.5B gives 494,032,768, Llama-2-7B 6,738,415,616.
    /// </summary>
    public long ParameterCount
    {
        get
        {
            long d = Embedding, kv = KvWidth, ff = FeedForward;
            var biases = Architecture == "qwen2" ? d + 2 * kv : 0;
            var layer = 2 * d + d * d + 2 * d * kv + d * d + biases + 3 * d * ff;
            return Vocabulary * d * (TiedEmbeddings ? 1 : 2) + Layers * layer + d;
        }
    }

    public static SyntheticModelShape Preset(string name) =>
        _presets.TryGetValue(name, out var shape)
            ? shape
            : throw new EvalKitException($"Unknown synthetic model preset '{name}'.", $"Known presets: {string.Join(", ", _presets.Keys)}.");

    /// <summary>Throws an <see cref="EvalKitException"/> for a shape llama.cpp could not build.</summary>
    public void Validate()
    {
        if (Architecture is not ("llama" or "qwen2"))
            throw new EvalKitException($"Synthetic models support the llama and qwen2 architectures, not '{Architecture}'.");
        if (Layers < 1 || Embedding < 1 || Heads < 1 || KvHeads < 1 || FeedForward < 1 || ContextLength < 1 || Vocabulary < 260)
            throw new EvalKitException($"Synthetic model shape {this} has a dimension below its minimum (vocabulary at least 260).");
        if (Embedding % Heads != 0 || Heads % KvHeads != 0 || HeadDimension % 2 != 0)
            throw new EvalKitException($"Synthetic model shape {this}: the embedding must split into an even head dimension, and heads into KV groups.");
    }
}
