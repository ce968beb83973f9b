using EvalKit.Core.Backends;
using EvalKit.TestSupport;

namespace EvalKit.Caching.Tests;

public class CachingBackendTests
{
    private static readonly GenerationRequest Request = GenerationRequest.Raw("Capital of France?", new() { MaxTokens = 8 });

    [Fact]
    public async Task A_miss_loads_the_model_and_stores_the_answer_that_a_later_backend_reads_without_loading()
    {
        // Given a model behind the cache
        using var temp = new TempDir();
        using var cache = ResponseCache.Open(temp.File("responses.sqlite"));
        var model = new ScriptedBackend("m", new Dictionary<string, string> { ["Capital of France?"] = "Paris" });
        var factory = new ScriptedBackendFactory(new() { ["m"] = model });
        var described = new List<ModelInfo>();

        // When the first backend answers, and a second one (another run) asks the same
        await using (var first = new CachingBackend(new LazyBackend(factory, new ModelSpec("m", "m")), cache))
            Assert.False((await first.GenerateAsync(Request)).Cached);
        var lazy = new LazyBackend(factory, new ModelSpec("m", "m"), onInfo: described.Add);
        await using var second = new CachingBackend(lazy, cache);
        var cached = await second.GenerateAsync(Request);

        // Then the model was loaded once and asked once; the second answer came from the cache, and the model it
        // names is the one stored with it, marked as not loaded
        Assert.Equal(("Paris", true), (cached.Text, cached.Cached));
        Assert.Equal(["m"], factory.Loaded);
        Assert.Equal(1, model.Calls);
        Assert.Null(lazy.Loaded);
        Assert.StartsWith("no", Assert.Single(described).Details["loaded"]);
    }

    [Fact]
    public async Task A_different_request_is_a_miss_and_failures_are_not_stored()
    {
        // Given an answer stored for one request, and a model that fails the other
        using var temp = new TempDir();
        using var cache = ResponseCache.Open(temp.File("responses.sqlite"));
        var model = new ScriptedBackend("m", new Dictionary<string, string> { ["Capital of France?"] = "Paris", ["Capital of Peru?"] = ScriptedBackend.Crash });
        await using var backend = new CachingBackend(new LazyBackend(new ScriptedBackendFactory(new() { ["m"] = model }), new ModelSpec("m", "m")), cache);
        await backend.GenerateAsync(Request);

        // When other sampling parameters are asked, and then a request that fails, twice
        var other = await backend.GenerateAsync(Request with { Parameters = Request.Parameters with { MaxTokens = 9 } });
        var peru = GenerationRequest.Raw("Capital of Peru?", new());
        await Assert.ThrowsAsync<InvalidOperationException>(() => backend.GenerateAsync(peru));
        await Assert.ThrowsAsync<InvalidOperationException>(() => backend.GenerateAsync(peru));

        // Then each went to the model
        Assert.False(other.Cached);
        Assert.Equal(4, model.Calls);
    }
}
