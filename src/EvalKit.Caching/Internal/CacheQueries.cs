using Microsoft.Data.Sqlite;
using static EvalKit.Caching.Internal.CacheDatabase;

namespace EvalKit.Caching.Internal;

/// <summary>The maintenance queries behind <c>evalkit cache stats</c> and <c>evalkit cache prune</c>.</summary>
internal static class CacheQueries
{
    // Matches an identity given in full, without its "sha256:" prefix, or as a prefix of either.
    private const string ModelMatches =
        "(substr(model, 1, length($model)) = $model OR substr(model, 1, length($model) + 7) = 'sha256:' || $model)";

    public static CacheStatistics Statistics(SqliteConnection connection, string path)
    {
        var models = new List<CacheModelEntries>();
        using (var command = Command(connection, """
            SELECT r.model, m.source, count(*), min(r.created_at), max(r.created_at)
            FROM responses r LEFT JOIN models m ON m.identity = r.model
            GROUP BY r.model ORDER BY count(*) DESC, r.model
            """))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                models.Add(new CacheModelEntries(
                    reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), Time(reader.GetInt64(3)), Time(reader.GetInt64(4))));
        }
        return new CacheStatistics
        {
            Path = path,
            Entries = models.Sum(m => m.Entries),
            SizeBytes = SizeOf(path) + SizeOf(path + "-wal"),
            Oldest = models.Count == 0 ? null : models.Min(m => m.Oldest),
            Newest = models.Count == 0 ? null : models.Max(m => m.Newest),
            Models = models,
        };
    }

    public static int Prune(SqliteConnection connection, DateTimeOffset? createdBefore, string? model)
    {
        var conditions = new List<string>();
        var parameters = new List<(string, object?)>();
        if (createdBefore is { } before)
        {
            conditions.Add("created_at < $before");
            parameters.Add(("$before", before.ToUnixTimeMilliseconds()));
        }
        if (model is not null)
        {
            conditions.Add(ModelMatches);
            parameters.Add(("$model", model));
        }
        var where = conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
        int deleted;
        using (var transaction = connection.BeginTransaction(deferred: false))
        {
            deleted = Execute(connection, "DELETE FROM responses" + where, [.. parameters]);
            Execute(connection, "DELETE FROM models WHERE identity NOT IN (SELECT DISTINCT model FROM responses)");
            transaction.Commit();
        }
        if (deleted > 0)
            Execute(connection, "VACUUM; PRAGMA wal_checkpoint(TRUNCATE);");
        return deleted;
    }

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private static long SizeOf(string file) => File.Exists(file) ? new FileInfo(file).Length : 0;
}
