using System.Text;

namespace EvalKit.Llama.Fixtures.Internal;

/// <summary>
/// Reproducible pseudo-random weights: uniform in ±<see cref="Scale"/> (standard deviation about 0.02), from a
/// SplitMix64 stream per tensor, seeded by the model seed and the tensor name, so every tensor is independent of
/// write order.
/// </summary>
internal sealed class SeededWeights(ulong seed)
{
    private const float Scale = 0.0346f;

    public Gguf.GgufWriter.RowFiller For(string tensorName)
    {
        var state = seed ^ Fnv1a(tensorName);
        return (_, values) =>
        {
            for (var i = 0; i < values.Length; i++)
                values[i] = ((Next(ref state) >> 40) * (1f / (1 << 24)) * 2f - 1f) * Scale;
        };
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
            hash = (hash ^ b) * 0x100000001B3UL;
        return hash;
    }
}
