using EvalKit.Core.Backends;
using EvalKit.Core.Caching;
using EvalKit.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace EvalKit.Caching.Tests;

public class CacheMaintenanceTests
{
    private static readonly ModelInfo Student = new() { Name = "s", Backend = "llama.cpp", Source = "/m/student.gguf", Sha256 = "5555aaaa" };
    private static readonly ModelInfo Remote = new() { Name = "r", Backend = "openai", Source = "http://localhost:8080/v1#gpt" };

    private static void Fill(ResponseCache cache, ModelInfo model, int count, string prefix)
    {
        for (var i = 0; i < count; i++)
            cache.Store(ResponseCache.KeyOf(ModelIdentity.Of(model), GenerationRequest.Raw(prefix + i, new())), model, new Completion { Text = "x" });
    }

    [Fact]
    public void Statistics_count_entries_per_model_with_their_age_range()
    {
        using var temp = new TempDir();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var cache = ResponseCache.Open(temp.File("responses.sqlite"), clock);
        Fill(cache, Student, 3, "old");
        clock.Advance(TimeSpan.FromDays(10));
        Fill(cache, Remote, 2, "new");

        var stats = cache.Statistics();

        Assert.Equal(5, stats.Entries);
        Assert.True(stats.SizeBytes > 0);
        Assert.Equal((clock.GetUtcNow().AddDays(-10), clock.GetUtcNow()), (stats.Oldest, stats.Newest));
        Assert.Equal(
            [("sha256:5555aaaa", "/m/student.gguf", 3L), ("openai:http://localhost:8080/v1#gpt", "http://localhost:8080/v1#gpt", 2L)],
            stats.Models.Select(m => (m.Identity, m.Source, m.Entries)));
    }

    [Fact]
    public void Prune_deletes_by_age_by_model_prefix_or_everything()
    {
        using var temp = new TempDir();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var cache = ResponseCache.Open(temp.File("responses.sqlite"), clock);
        Fill(cache, Student, 3, "old");
        clock.Advance(TimeSpan.FromDays(40));
        Fill(cache, Student, 2, "new");
        Fill(cache, Remote, 2, "new");

        Assert.Equal(3, cache.Prune(createdBefore: clock.GetUtcNow().AddDays(-30)));
        Assert.Equal(0, cache.Prune(model: "9999"));
        Assert.Equal(2, cache.Prune(model: "5555"));
        Assert.Equal(["openai:http://localhost:8080/v1#gpt"], cache.Statistics().Models.Select(m => m.Identity));
        Assert.Null(cache.FindModel("sha256:5555aaaa"));
        Assert.Equal(2, cache.Prune());
        Assert.Equal(0, cache.Statistics().Entries);
    }
}
