using EvalKit.Core;
using Microsoft.Data.Sqlite;

namespace EvalKit.Caching.Internal;

/// <summary>
/// Opens the cache's SQLite file for use by several processes at once: write-ahead logging (readers never block
/// the writer), a busy timeout (writers wait their turn instead of failing) and idempotent schema creation.
/// </summary>
internal static class CacheDatabase
{
    public const int SchemaVersion = 1;

    private const string Schema = """
        CREATE TABLE IF NOT EXISTS responses (
            key TEXT NOT NULL PRIMARY KEY,
            model TEXT NOT NULL,
            completion TEXT NOT NULL,
            created_at INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS responses_by_model ON responses (model, created_at);
        CREATE TABLE IF NOT EXISTS models (
            identity TEXT NOT NULL PRIMARY KEY,
            source TEXT NOT NULL,
            info TEXT NOT NULL
        ) WITHOUT ROWID;
        """;

    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // closing really closes the file, so prune and tests can remove it
            DefaultTimeout = 60,
        }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 60000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
            var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version;"));
            if (version > SchemaVersion)
                throw new EvalKitException(
                    $"The response cache {path} was written by a newer EvalKit (schema {version}).",
                    $"Upgrade EvalKit, set EVALKIT_CACHE_DIR to another folder, or pass {Setting.NoCache}.");
            Execute(connection, $"BEGIN IMMEDIATE; {Schema} PRAGMA user_version = {SchemaVersion}; COMMIT;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static int Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    public static SqliteCommand Command(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
