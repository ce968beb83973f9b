using System.Collections.Concurrent;
using System.Security.Cryptography;
using EvalKit.Core.Backends;
using EvalKit.Core.Caching.Internal;

namespace EvalKit.Core.Caching;

/// <summary>
/// The identity the response cache keys a model by: <c>sha256:&lt;hex&gt;</c> of a local model file, or
/// <c>&lt;backend&gt;:&lt;source&gt;</c> (endpoint + model name) for a remote model without a file; then
/// <c>+&lt;variant&gt;</c> when the backend renders the same request differently (its <see cref="VariantDetail"/>,
/// e.g. a chat template applied to raw prompts), so such answers never mix with the plain ones.
/// </summary>
public static class ModelIdentity
{
    /// <summary>The <see cref="ModelInfo.Details"/> key of a backend's rendering variant.</summary>
    public const string VariantDetail = "cache_variant";

    /// <summary>Test hook: when set, each file really hashed (not found in a memo) appends its path as a line to this file.</summary>
    public const string HashLogVariable = "EVALKIT_HASH_LOG";

    private static readonly ConcurrentDictionary<FileStamp, string> _hashes = new();

    /// <summary>
    /// When true (<c>run --rehash</c>), the hashes remembered in <c>model-hashes.json</c> are not trusted: each file is
    /// hashed again once in this process and the memo is rewritten.
    /// </summary>
    public static bool Rehash { get; set; }

    public static string Of(ModelInfo info) =>
        (info.Sha256 is { Length: > 0 } sha256 ? "sha256:" + sha256 : $"{info.Backend}:{info.Source}")
        + (info.Details.TryGetValue(VariantDetail, out var variant) ? "+" + variant : "");

    /// <summary>The identity of a local model file, equal to <see cref="Of"/> of that model once loaded with the same <paramref name="variant"/>.</summary>
    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken = default, string? variant = null) =>
        "sha256:" + await FileSha256Async(path, cancellationToken) + (variant is null ? "" : "+" + variant);

    /// <summary>
    /// Lower-case hex SHA-256 of a file. Remembered per process and, across processes, in <c>model-hashes.json</c>
    /// beside the response cache, by full path, size, modification time, device, inode and change time (see
    /// <see cref="FileStamp"/>): a 40 GB model is read again only when one of those changes (or with <see cref="Rehash"/>).
    /// </summary>
    public static async Task<string> FileSha256Async(string path, CancellationToken cancellationToken = default)
    {
        var stamp = FileStamp.Of(path);
        if (_hashes.TryGetValue(stamp, out var known))
            return known;
        var memo = HashMemo.DefaultPath();
        if (!Rehash && HashMemo.Find(memo, stamp) is { } remembered)
            return _hashes[stamp] = remembered;
        await using (var stream = new FileStream(
            stamp.Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            known = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        }
        if (Environment.GetEnvironmentVariable(HashLogVariable) is { Length: > 0 } log)
            File.AppendAllText(log, stamp.Path + Environment.NewLine);
        // A file written to while it was read gets no memo entry: its stamp no longer describes what was hashed.
        if (FileStamp.Of(path) == stamp)
            HashMemo.Store(memo, stamp, known);
        return _hashes[stamp] = known;
    }
}
