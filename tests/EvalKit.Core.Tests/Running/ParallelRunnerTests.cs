using EvalKit.Core.Backends;
using EvalKit.Caching;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

public sealed class ParallelRunnerTests
{
    private static readonly Dictionary<string, string> Answers = new()
    {
        ["1+1"] = "2",
        ["2+2"] = "4",
        ["3+3"] = "6",
        ["4+4"] = "8",
        ["5+5"] = ScriptedBackend.Crash,
        ["6+6"] = "12",
        ["7+7"] = "14",
    };

    private static readonly Suite Sums = new()
    {
        Id = "sums",
        Kind = SuiteKind.Accuracy,
        Digest = "d",
        Cases = [.. Answers.Keys.Select((prompt, i) => new EvalCase { Id = $"s{i + 1}", Prompt = prompt, Expected = [((i + 1) * 2).ToString()] })],
    };

    private static async Task<IReadOnlyList<SampleRecord>> Run(
        IModelBackend backend, int parallel, TempDir temp, ResponseCache? cache = null, int repeats = 1)
    {
        var result = await new EvaluationRunner(new ScriptedBackendFactory(new() { ["m"] = backend })).RunAsync(new RunRequest
        {
            Suites = [Sums],
            Models = [new ModelSpec("m", "m")],
            ResultsRoot = temp.Path,
            Parallel = parallel,
            Decorate = CachingBackend.For(cache),
            Repeats = repeats,
        });
        return SamplesReader.Read(result.Directory.Path);
    }

    [Fact]
    public async Task Parallel_run_asks_every_case_once_and_records_a_failed_request_as_data()
    {
        // Given: 7 cases, 3 in flight; one request fails
        using var temp = new TempDir();
        var backend = new ScriptedBackend("m", Answers);

        // When
        var samples = await Run(backend, 3, temp);

        // Then: no retries and no groups; the samples are in case order
        Assert.Equal(Sums.Cases.Select(c => c.Prompt), backend.Requests.Select(r => r.Prompt));
        Assert.Equal(["s1", "s2", "s3", "s4", "s5", "s6", "s7"], samples.Select(s => s.CaseId));
        Assert.Equal(ScoreLabel.Error, samples[4].Label);
        Assert.All(samples.Where(s => s.CaseId != "s5"), s => Assert.Equal(ScoreLabel.Correct, s.Label));
    }

    [Fact]
    public async Task Parallel_repeats_come_from_the_cache_and_only_the_misses_are_generated()
    {
        // Given: a parallel run of 7 cases × 2 repeats filled the cache (the failing case is never cached)
        using var temp = new TempDir();
        using var cache = ResponseCache.Open(temp.File("responses.sqlite"));
        var first = await Run(new ScriptedBackend("m", Answers), 3, temp, cache, repeats: 2);

        // When: the same run again
        var backend = new ScriptedBackend("m", Answers);
        var second = await Run(backend, 3, temp, cache, repeats: 2);

        // Then: the failing case's two repeats were asked again
        Assert.Equal(2, backend.Calls);
        Assert.Equal(12, second.Count(s => s.Cached));
        Assert.All(first, s => Assert.False(s.Cached));
        Assert.Equal(
            first.Select(s => (s.CaseId, s.Repeat, s.Completion, s.Label, s.Extracted)),
            second.Select(s => (s.CaseId, s.Repeat, s.Completion, s.Label, s.Extracted)));
    }

    [Fact]
    public async Task Parallel_run_gives_the_same_samples_as_one_case_at_a_time()
    {
        using var temp = new TempDir();
        var one = await Run(new ScriptedBackend("m", Answers), 1, temp);
        var backend = new ScriptedBackend("m", Answers);

        var parallel = await Run(backend, 4, temp);

        Assert.Equal(7, backend.Calls);
        Assert.Equal(one.Select(s => (s.CaseId, s.Completion, s.Label)), parallel.Select(s => (s.CaseId, s.Completion, s.Label)));
    }

    [Fact]
    public async Task Parallel_below_one_is_refused_before_anything_loads()
    {
        using var temp = new TempDir();

        var error = await Assert.ThrowsAsync<EvalKitException>(() => Run(new ScriptedBackend("m", Answers), 0, temp));

        Assert.Contains("Parallel must be at least 1", error.Message);
    }
}
