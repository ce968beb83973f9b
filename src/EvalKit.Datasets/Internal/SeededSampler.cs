using EvalKit.Core;
using EvalKit.Core.Datasets;
namespace EvalKit.Datasets.Internal;

/// <summary>
/// Picks <c>n</c> items with a seeded SplitMix64 generator (a fixed algorithm, unlike <see cref="Random"/>, whose
/// sequence .NET does not promise to keep) and returns them in their original order.
/// </summary>
internal static class SeededSampler
{
    public static IReadOnlyList<T> Pick<T>(IReadOnlyList<T> items, int n, ulong seed)
    {
        if (n >= items.Count)
            return items;
        var indices = Enumerable.Range(0, items.Count).ToArray();
        var state = seed;
        for (var i = 0; i < n; i++)
        {
            var j = i + (int)(Next(ref state) % (ulong)(indices.Length - i));
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }
        return [.. indices.Take(n).Order().Select(i => items[i])];
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
