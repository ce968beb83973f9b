using System.Text.Json;
using EvalKit.Core.Backends;
using EvalKit.Caching;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

public class CachedRunTests
{
    private static readonly Suite Numbers = new()
    {
        Id = "numbers",
        Kind = SuiteKind.Accuracy,
        Digest = "d1",
        Defaults = new GenerationDefaults { System = "Answer with the code." },
        Cases = Enumerable.Range(1, 5).Select(i => new EvalCase
        {
            Id = $"c{i}",
            Messages = [new ChatMessage("user", $"p{i}")],
            Expected = [$"a{i}"],
        }).ToList(),
    };

    private static ScriptedBackend Backend(string name = "m") =>
        new(name, new Dictionary<string, string> { ["p1"] = "a1", ["p2"] = "a2", ["p3"] = "wrong", ["p4"] = ScriptedBackend.Crash, ["p5"] = "a5" });

    private static Task<RunResult> Run(
        ScriptedBackendFactory factory, string root, ResponseCache? cache, Suite? suite = null, IProgress<RunProgress>? progress = null) =>
        new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [suite ?? Numbers],
            Models = [new ModelSpec("m", "m")],
            ResultsRoot = root,
            Decorate = CachingBackend.For(cache),
        }, progress);

    [Fact]
    public async Task A_second_identical_run_loads_no_model_makes_no_calls_and_gives_identical_results()
    {
        using var temp = new TempDir();
        using var cache = ResponseCache.Open(temp.File("cache/responses.sqlite"));
        var first = Backend();
        var firstRun = await Run(new ScriptedBackendFactory(new() { ["m"] = first }), temp.File("results"), cache);

        var second = Backend();
        var factory = new ScriptedBackendFactory(new() { ["m"] = second });
        var secondRun = await Run(factory, temp.File("results"), cache);

        // Only the failed case (never cached) is asked again, which needs the model loaded once.
        Assert.Equal((5, 1), (first.Calls, second.Calls));
        var before = SamplesReader.Read(firstRun.Directory.Path);
        var after = SamplesReader.Read(secondRun.Directory.Path);
        Assert.All(before, s => Assert.False(s.Cached));
        Assert.Equal(["c1", "c2", "c3", "c5"], after.Where(s => s.Cached).Select(s => s.CaseId));
        Assert.Equal(
            before.Select(s => s with { Cached = false }).Select(s => JsonSerializer.Serialize(s)),
            after.Select(s => s with { Cached = false }).Select(s => JsonSerializer.Serialize(s)));
        Assert.Equal(
            JsonSerializer.Serialize(firstRun.Metrics with { RunId = "", Timing = [], Usage = [] }),
            JsonSerializer.Serialize(secondRun.Metrics with { RunId = "", Timing = [], Usage = [] }));
        // Speed is not measured again on cached answers: they are counted, not timed.
        var (firstTiming, secondTiming) = (Assert.Single(firstRun.Metrics.Timing), Assert.Single(secondRun.Metrics.Timing));
        Assert.Equal((4, 0), (firstTiming.Samples, firstTiming.CachedSamples));
        Assert.Equal((0, 4, null), (secondTiming.Samples, secondTiming.CachedSamples, secondTiming.TimeToFirstTokenMs));
    }

    [Fact]
    public async Task A_fully_cached_model_is_never_loaded_and_the_manifest_still_names_it()
    {
        using var temp = new TempDir();
        using var cache = ResponseCache.Open(temp.File("responses.sqlite"));
        var suite = Numbers with { Cases = Numbers.Cases.Where(c => c.Id != "c4").ToList() };
        await Run(new ScriptedBackendFactory(new() { ["m"] = Backend() }), temp.File("r1"), cache, suite);

        var backend = Backend();
        var factory = new ScriptedBackendFactory(new() { ["m"] = backend });
        var run = await Run(factory, temp.File("r2"), cache, suite);

        Assert.Empty(factory.Loaded);
        Assert.Equal(0, backend.Calls);
        Assert.All(SamplesReader.Read(run.Directory.Path), s => Assert.True(s.Cached));
        var model = Assert.Single(run.Directory.ReadManifest().Models);
        Assert.Equal(("m", "scripted", "memory:m"), (model.Name, model.Backend, model.Source));
        Assert.StartsWith("no", model.Details["loaded"]);
    }

    [Fact]
    public async Task Progress_reports_loading_only_when_a_cache_miss_really_loads_the_model()
    {
        // Given: a first run cached every answer but c4's failure (failures are never cached)
        using var temp = new TempDir();
        using var cache = ResponseCache.Open(temp.File("responses.sqlite"));
        await Run(new ScriptedBackendFactory(new() { ["m"] = Backend() }), temp.File("r1"), cache);

        // When the same run goes again
        var phases = new List<string>();
        await Run(new ScriptedBackendFactory(new() { ["m"] = Backend() }), temp.File("r2"), cache, progress: new Inline(p => phases.Add(p.Phase)));

        // Then: loading is reported exactly when c4 misses the cache, just before its answer is generated
        Assert.Equal(
            [RunProgress.Starting, RunProgress.Cached, RunProgress.Cached, RunProgress.Cached, RunProgress.Loading, RunProgress.Generating, RunProgress.Cached],
            phases);
    }

    [Fact]
    public async Task A_changed_sampling_parameter_or_no_cache_generates_again()
    {
        using var temp = new TempDir();
        using var cache = ResponseCache.Open(temp.File("responses.sqlite"));
        await Run(new ScriptedBackendFactory(new() { ["m"] = Backend() }), temp.File("r"), cache);

        var hotter = Backend();
        await Run(new ScriptedBackendFactory(new() { ["m"] = hotter }), temp.File("r"), cache,
            Numbers with { Defaults = Numbers.Defaults with { Temperature = 0.5f } });
        var uncached = Backend();
        var run = await Run(new ScriptedBackendFactory(new() { ["m"] = uncached }), temp.File("r"), cache: null);

        Assert.Equal((5, 5), (hotter.Calls, uncached.Calls));
        Assert.All(SamplesReader.Read(run.Directory.Path), s => Assert.False(s.Cached));
    }

    /// <summary>Hears reports synchronously, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Inline(Action<RunProgress> report) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => report(value);
    }
}
