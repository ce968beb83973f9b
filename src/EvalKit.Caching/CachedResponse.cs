using EvalKit.Core.Backends;

namespace EvalKit.Caching;

/// <summary>A completion found in the <see cref="ResponseCache"/>, with its original timings and when it was generated.</summary>
public sealed record CachedResponse(Completion Completion, DateTimeOffset CreatedAt);
