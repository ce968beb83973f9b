using System.Collections.Concurrent;
using System.Security.Cryptography;
using EvalKit.Core.Backends;

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

    private static readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified), string> _hashes = new();

    public static string Of(ModelInfo info) =>
        (info.Sha256 is { Length: > 0 } sha256 ? "sha256:" + sha256 : $"{info.Backend}:{info.Source}")
        + (info.Details.TryGetValue(VariantDetail, out var variant) ? "+" + variant : "");

    /// <summary>The identity of a local model file, equal to <see cref="Of"/> of that model once loaded with the same <paramref name="variant"/>.</summary>
    public static async Task<string> OfFileAsync(string path, CancellationToken cancellationToken = default, string? variant = null) =>
        "sha256:" + await FileSha256Async(path, cancellationToken) + (variant is null ? "" : "+" + variant);

    /// <summary>
    /// Lower-case hex SHA-256 of a file. Remembered per process by path, size and modification time, so a
    /// 20 GB model checked against the cache is not hashed again when it is loaded.
    /// </summary>
    public static async Task<string> FileSha256Async(string path, CancellationToken cancellationToken = default)
    {
        var file = new FileInfo(Path.GetFullPath(path));
        var stamp = (file.FullName, file.Length, file.LastWriteTimeUtc);
        if (_hashes.TryGetValue(stamp, out var known))
            return known;
        await using var stream = new FileStream(
            file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.Asynchronous | FileOptions.SequentialScan);
        var hash = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        _hashes[stamp] = hash;
        return hash;
    }
}
