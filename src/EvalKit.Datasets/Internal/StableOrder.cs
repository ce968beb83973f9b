using System.Security.Cryptography;
using System.Text;
using EvalKit.Core;
using EvalKit.Core.Datasets;

namespace EvalKit.Datasets.Internal;

/// <summary>
/// Orders answer options by a hash of their text, so that the correct option is not always first (as it is in
/// TruthfulQA's files) yet every import of the same file gives the same letters, on any machine and .NET version.
/// </summary>
internal static class StableOrder
{
    public static IReadOnlyList<string> Shuffle(string key, IEnumerable<string> options) =>
        [.. options.OrderBy(option => Hash(key + "\n" + option), StringComparer.Ordinal).ThenBy(option => option, StringComparer.Ordinal)];

    /// <summary>True for about half of all keys, always the same for one key.</summary>
    public static bool Flip(string key) => (SHA256.HashData(Encoding.UTF8.GetBytes(key))[0] & 1) == 1;

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
