namespace EvalKit.Caching;

/// <summary>How many cached responses one model identity has; <see cref="Source"/> is where it was last loaded from.</summary>
public sealed record CacheModelEntries(string Identity, string? Source, long Entries, DateTimeOffset Oldest, DateTimeOffset Newest);
