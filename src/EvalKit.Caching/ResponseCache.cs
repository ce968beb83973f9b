using System.Text.Json;
using EvalKit.Caching.Internal;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Caching;
using EvalKit.Core.Results;
using Microsoft.Data.Sqlite;
using static EvalKit.Caching.Internal.CacheDatabase;

namespace EvalKit.Caching;

/// <summary>
/// Completions already computed, in one SQLite file shared by every run on the machine (default
/// <c>.cache/responses.sqlite</c>, or <c>$EVALKIT_CACHE_DIR/responses.sqlite</c>). Keyed by model identity, full
/// request and every sampling parameter (<see cref="KeyOf"/>); only successful completions are stored. Several
/// processes may use one file at once: the first answer stored for a key wins. Thread-safe.
/// </summary>
public sealed class ResponseCache : IDisposable
{
    public const string FileName = "responses.sqlite";
    public const string DirectoryVariable = CacheLocation.DirectoryVariable;

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;
    private readonly Lock _lock = new();

    private ResponseCache(string path, SqliteConnection connection, TimeProvider clock)
    {
        Path = path;
        _connection = connection;
        _clock = clock;
    }

    public string Path { get; }

    /// <summary><c>$EVALKIT_CACHE_DIR/responses.sqlite</c>, else <c>.cache/responses.sqlite</c> under the working directory.</summary>
    public static string DefaultPath(string? directory = null) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(CacheLocation.Directory(directory), FileName));

    /// <summary>Opens (creating if needed) the cache file.</summary>
    /// <exception cref="EvalKitException">The folder is not writable, the file is damaged or from a newer EvalKit.</exception>
    public static ResponseCache Open(string path, TimeProvider? clock = null)
    {
        path = System.IO.Path.GetFullPath(path);
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            return new ResponseCache(path, CacheDatabase.Open(path), clock ?? TimeProvider.System);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SqliteException)
        {
            throw CacheFailed(path, ex);
        }
    }

    /// <summary>The cache key of <paramref name="request"/> sent to the model with <paramref name="modelIdentity"/> (see <see cref="ModelIdentity"/>).</summary>
    public static string KeyOf(string modelIdentity, GenerationRequest request) => CacheKey.For(modelIdentity, request);

    public CachedResponse? Find(string key) => Guard(() =>
    {
        using var command = Command(_connection, "SELECT completion, created_at FROM responses WHERE key = $key", ("$key", key));
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        var completion = JsonSerializer.Deserialize<Completion>(reader.GetString(0), JsonDefaults.Compact);
        return completion is null ? null : new CachedResponse(completion, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)));
    });

    /// <summary>Stores a successful completion (a key already stored keeps its first answer) and what the model was.</summary>
    public void Store(string key, ModelInfo model, Completion completion) => Guard(() =>
    {
        var identity = ModelIdentity.Of(model);
        using var transaction = _connection.BeginTransaction(deferred: false);
        Execute(_connection,
            "INSERT OR IGNORE INTO responses (key, model, completion, created_at) VALUES ($key, $model, $completion, $now)",
            ("$key", key), ("$model", identity), ("$completion", JsonSerializer.Serialize(completion, JsonDefaults.Compact)),
            ("$now", _clock.GetUtcNow().ToUnixTimeMilliseconds()));
        Execute(_connection, "INSERT OR REPLACE INTO models (identity, source, info) VALUES ($identity, $source, $info)",
            ("$identity", identity), ("$source", model.Source), ("$info", JsonSerializer.Serialize(model, JsonDefaults.Compact)));
        transaction.Commit();
        return 0;
    });

    /// <summary>What was recorded about the model with this identity when its answers were stored, or null.</summary>
    public ModelInfo? FindModel(string identity) => Guard(() =>
        Scalar(_connection, "SELECT info FROM models WHERE identity = $identity", ("$identity", identity)) is string json
            ? JsonSerializer.Deserialize<ModelInfo>(json, JsonDefaults.Compact)
            : null);

    public CacheStatistics Statistics() => Guard(() => CacheQueries.Statistics(_connection, Path));

    /// <summary>
    /// Deletes entries created before <paramref name="createdBefore"/> and/or of models whose identity is or starts
    /// with <paramref name="model"/> (with or without <c>sha256:</c>); both null deletes everything. Returns the count.
    /// </summary>
    public int Prune(DateTimeOffset? createdBefore = null, string? model = null) =>
        Guard(() => CacheQueries.Prune(_connection, createdBefore, model));

    public void Dispose() => _connection.Dispose();

    private static EvalKitException CacheFailed(string path, Exception inner) =>
        Errors.CacheFailed(path, inner, diskFull: inner is SqliteException { SqliteErrorCode: 13 }); // SQLITE_FULL

    private T Guard<T>(Func<T> action)
    {
        lock (_lock)
        {
            try
            {
                return action();
            }
            catch (SqliteException ex)
            {
                throw CacheFailed(Path, ex);
            }
        }
    }
}
