using EvalKit.Core.Backends;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

public class RepeatsTests
{
    private static readonly Suite Pair = new()
    {
        Id = "pair",
        Kind = SuiteKind.Accuracy,
        Digest = "d",
        Defaults = new GenerationDefaults { Seed = 42, Temperature = 0.8f },
        Cases =
        [
            new EvalCase { Id = "steady", Prompt = "p1", Expected = ["a1"] },
            new EvalCase { Id = "shaky", Prompt = "p2", Expected = ["a2"] },
        ],
    };

    // "steady" is right under every seed; "shaky" is wrong under seed 43 only.
    private static ScriptedBackend Backend() => new("m", new Dictionary<string, string>
    {
        ["p1"] = "a1", ["p2#42"] = "a2", ["p2#43"] = "no", ["p2#44"] = "a2",
    });

    [Fact]
    public async Task Each_case_runs_once_per_repeat_with_consecutive_seeds()
    {
        // Given
        using var temp = new TempDir();
        var backend = Backend();

        // When
        var result = await Run(temp, backend);

        // Then
        var samples = SamplesReader.Read(result.Directory.Path);
        Assert.Equal(
            ["steady/0/42", "steady/1/43", "steady/2/44", "shaky/0/42", "shaky/1/43", "shaky/2/44"],
            samples.Select(s => $"{s.CaseId}/{s.Repeat}/{s.Seed}"));
        Assert.Equal([42u, 43u, 44u, 42u, 43u, 44u], backend.Requests.Select(r => r.Parameters.Seed));
        Assert.Equal(3, result.Manifest.Repeats);
    }

    [Fact]
    public async Task Metrics_give_pass_at_k_and_per_case_variance_across_repeats()
    {
        // Given
        using var temp = new TempDir();

        // When
        var metrics = (await Run(temp, Backend())).Metrics.Suites.Single();

        // Then: pass@1 = mean over cases of c/n = (3/3 + 2/3) / 2; k = 5 and 10 exceed n = 3
        Assert.Equal([1], metrics.PassAtK.Keys);
        Assert.Equal(5.0 / 6, metrics.PassAtK[1], 12);
        // "shaky" scores 1, 0, 1: mean 2/3, sample variance (1/9 + 4/9 + 1/9) / 2 = 1/3; "steady" varies not at all
        var variance = Assert.IsType<RepeatVariance>(metrics.Repeats);
        Assert.Equal((3, 2), (variance.Repeats, variance.Cases));
        Assert.Equal(Math.Sqrt(1.0 / 3) / 2, variance.MeanCaseStdDev, 12);
        Assert.Equal((0.5, 0.5), (variance.ScoreChangedRate, variance.CompletionChangedRate));
    }

    [Fact]
    public async Task Resume_finishes_the_missing_repeats_only()
    {
        // Given a run killed after four of its six samples
        using var temp = new TempDir();
        var run = await Run(temp, Backend());
        var lines = File.ReadAllLines(run.Directory.SamplesPath);
        File.WriteAllText(run.Directory.SamplesPath, string.Join("\n", lines.Take(4)) + "\n");

        // When
        var second = Backend();
        var resumed = await Run(temp, second, resume: run.Directory.Path);

        // Then
        Assert.Equal([43u, 44u], second.Requests.Select(r => r.Parameters.Seed));
        var samples = SamplesReader.Read(resumed.Directory.Path);
        Assert.Equal(6, samples.Select(s => s.Key).Distinct().Count());
        Assert.Equal(6, samples.Count);
    }

    [Fact]
    public async Task Resume_with_another_repeat_count_is_refused()
    {
        using var temp = new TempDir();
        var run = await Run(temp, Backend());

        var error = await Assert.ThrowsAsync<EvalKitException>(() => Run(temp, Backend(), resume: run.Directory.Path, repeats: 5));

        Assert.Contains("repeats changed: 3 → 5", error.Message);
    }

    [Fact]
    public void Pass_at_k_matches_the_HumanEval_estimator_by_hand()
    {
        // Given one case with n = 10 samples, c = 3 correct
        var samples = Enumerable.Range(0, 10)
            .Select(i => new SampleRecord { Model = "m", Suite = "s", CaseId = "c", Repeat = i, Label = "x", Score = i < 3 ? 1 : 0 })
            .ToList();

        // When
        var passAtK = RepeatStatistics.PassAtK(samples);

        // Then: pass@1 = c/n = 0.3; pass@5 = 1 − C(7,5)/C(10,5) = 1 − 21/252; pass@10 = 1 (n − c < k)
        Assert.Equal(0.3, passAtK[1], 12);
        Assert.Equal(1 - 21.0 / 252, passAtK[5], 12);
        Assert.Equal(1.0, passAtK[10], 12);
    }

    private static Task<RunResult> Run(TempDir temp, ScriptedBackend backend, string? resume = null, int repeats = 3) =>
        new EvaluationRunner(new ScriptedBackendFactory(new() { ["m"] = backend })).RunAsync(new RunRequest
        {
            Suites = [Pair], Models = [new ModelSpec("m", "m")], ResultsRoot = temp.Path, Repeats = repeats, ResumeDirectory = resume,
        });
}
