namespace EvalKit.Caching;

/// <summary>What <c>evalkit cache stats</c> shows: size, entry count, age range and entries per model.</summary>
public sealed record CacheStatistics
{
    public required string Path { get; init; }
    public long Entries { get; init; }

    /// <summary>Bytes on disk: the database and its write-ahead log.</summary>
    public long SizeBytes { get; init; }

    public DateTimeOffset? Oldest { get; init; }
    public DateTimeOffset? Newest { get; init; }
    public IReadOnlyList<CacheModelEntries> Models { get; init; } = [];
}
