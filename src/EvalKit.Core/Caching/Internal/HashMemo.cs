using System.Text.Json;
using EvalKit.Core.Results;

namespace EvalKit.Core.Caching.Internal;

/// <summary>
/// <c>model-hashes.json</c> beside the response cache: the SHA-256 of each model file hashed before, under the
/// <see cref="FileStamp"/> it had then, so later processes do not read a 40 GB file again. Written atomically; when
/// two processes add entries at once one may be lost, which costs only a rehash.
/// </summary>
internal static class HashMemo
{
    public const string FileName = "model-hashes.json";

    private sealed record Entry(long Length, long ModifiedTicks, string FileId, string Sha256);

    public static string DefaultPath() => Path.GetFullPath(Path.Combine(CacheLocation.Directory(), FileName));

    public static string? Find(string memoPath, FileStamp stamp) =>
        Read(memoPath).TryGetValue(stamp.Path, out var entry) && entry == new Entry(stamp.Length, stamp.ModifiedTicks, stamp.FileId, entry.Sha256)
            ? entry.Sha256
            : null;

    /// <summary>Remembers a hash; a memo that cannot be written is not an error (the file is hashed again next time).</summary>
    public static void Store(string memoPath, FileStamp stamp, string sha256)
    {
        try
        {
            var entries = Read(memoPath);
            entries[stamp.Path] = new Entry(stamp.Length, stamp.ModifiedTicks, stamp.FileId, sha256);
            foreach (var gone in entries.Keys.Where(path => !File.Exists(path)).ToList())
                entries.Remove(gone);
            Directory.CreateDirectory(Path.GetDirectoryName(memoPath)!);
            AtomicFile.WriteAllText(memoPath, JsonSerializer.Serialize(entries, JsonDefaults.Indented));
        }
        catch (Exception ex) when (ex is EvalKitException or IOException or UnauthorizedAccessException)
        {
        }
    }

    private static Dictionary<string, Entry> Read(string memoPath)
    {
        try
        {
            return File.Exists(memoPath)
                ? JsonSerializer.Deserialize<Dictionary<string, Entry>>(File.ReadAllText(memoPath), JsonDefaults.Indented) ?? []
                : [];
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
