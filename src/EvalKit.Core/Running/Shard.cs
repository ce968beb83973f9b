using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace EvalKit.Core.Running;

/// <summary>
/// One of <see cref="Count"/> deterministic slices of a run's cases, written <c>K/N</c> with K from 1 to N. A case
/// belongs to the slice picked by a stable hash of its suite id and case id (not its position), so the slices stay
/// the same on every machine and when cases are added elsewhere in a suite.
/// </summary>
public sealed record Shard(int Index, int Count)
{
    /// <exception cref="EvalKitException">Not of the form K/N with 1 ≤ K ≤ N.</exception>
    public static Shard Parse(string text)
    {
        var parts = text.Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out var index) && int.TryParse(parts[1], out var count) && count >= 1 && index >= 1 && index <= count)
            return new Shard(index, count);
        throw Errors.BadOption(Setting.Shard, text, $"Write K/N with 1 ≤ K ≤ N, e.g. {Setting.Shard} 2/3 for the second of three shards.");
    }

    public bool Contains(string suiteId, string caseId) => SlotOf(suiteId, caseId, Count) == Index - 1;

    /// <summary>The 0-based slot of a case among <paramref name="count"/> shards.</summary>
    public static int SlotOf(string suiteId, string caseId, int count)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(suiteId + "\u001f" + caseId));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)count);
    }

    public override string ToString() => $"{Index}/{Count}";
}
