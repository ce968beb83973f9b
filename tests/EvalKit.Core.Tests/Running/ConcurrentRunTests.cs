using EvalKit.Core.Backends;
using EvalKit.Caching;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace EvalKit.Core.Tests.Running;

public class ConcurrentRunTests
{
    private static readonly Suite Numbers = new()
    {
        Id = "numbers",
        Kind = SuiteKind.Accuracy,
        Digest = "d1",
        Cases = Enumerable.Range(1, 20).Select(i => new EvalCase { Id = $"c{i}", Prompt = $"p{i}", Expected = [$"a{i}"] }).ToList(),
    };

    [Fact]
    public async Task Runs_started_at_the_same_second_into_one_folder_with_one_cache_each_get_a_complete_folder()
    {
        using var temp = new TempDir();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var cachePath = temp.File("cache/responses.sqlite");

        var runs = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            using var cache = ResponseCache.Open(cachePath);
            var backend = new ScriptedBackend("m", Enumerable.Range(1, 20).ToDictionary(i => $"p{i}", i => $"a{i}"));
            return await new EvaluationRunner(new ScriptedBackendFactory(new() { ["m"] = backend }), clock).RunAsync(new RunRequest
            {
                Suites = [Numbers],
                Models = [new ModelSpec("m", "m")],
                ResultsRoot = temp.File("results"),
                Decorate = CachingBackend.For(cache),
            });
        })).ToList();
        var results = await Task.WhenAll(runs);

        Assert.Equal(4, results.Select(r => r.Directory.Path).Distinct().Count());
        Assert.Equal(4, Directory.GetDirectories(temp.File("results")).Length);
        foreach (var result in results)
        {
            var samples = SamplesReader.Read(result.Directory.Path);
            Assert.Equal(Numbers.Cases.Select(c => c.Id), samples.Select(s => s.CaseId));
            Assert.Equal(20, result.Metrics.Suites.Single().Estimate.Successes);
            Assert.NotNull(result.Directory.ReadManifest().CompletedAt);
        }
        using var check = ResponseCache.Open(cachePath);
        Assert.Equal(20, check.Statistics().Entries);
    }
}
