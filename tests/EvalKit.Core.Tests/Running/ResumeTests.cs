using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

public class ResumeTests
{
    private static readonly Suite Numbers = new()
    {
        Id = "numbers",
        Kind = SuiteKind.Accuracy,
        Digest = "d1",
        Cases = Enumerable.Range(1, 6).Select(i => new EvalCase { Id = $"c{i}", Prompt = $"p{i}", Expected = [$"a{i}"] }).ToList(),
    };

    private static ScriptedBackend Backend() =>
        new("m", Enumerable.Range(1, 6).ToDictionary(i => $"p{i}", i => $"a{i}"));

    [Fact]
    public async Task Resume_skips_cases_already_written_and_drops_a_torn_line()
    {
        using var temp = new TempDir();
        var first = Backend();
        var run = await new EvaluationRunner(new ScriptedBackendFactory(new() { ["m"] = first }))
            .RunAsync(new RunRequest { Suites = [Numbers], Models = [new ModelSpec("m", "m")], ResultsRoot = temp.Path });
        // Simulate a kill after three samples, the fourth cut mid-line.
        var lines = File.ReadAllLines(run.Directory.SamplesPath);
        File.WriteAllText(run.Directory.SamplesPath, string.Join("\n", lines.Take(3)) + "\n" + lines[3][..20]);

        var second = Backend();
        var resumed = await new EvaluationRunner(new ScriptedBackendFactory(new() { ["m"] = second })).RunAsync(new RunRequest
        {
            Suites = [Numbers], Models = [new ModelSpec("m", "m")], ResultsRoot = temp.Path, ResumeDirectory = run.Directory.Path,
        });

        Assert.Equal(3, second.Calls);
        var samples = SamplesReader.Read(resumed.Directory.Path);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5", "c6"], samples.Select(s => s.CaseId));
        Assert.Equal(6, resumed.Metrics.Suites.Single().Estimate.Successes);
    }

    [Fact]
    public async Task Resume_of_a_finished_run_loads_no_model()
    {
        using var temp = new TempDir();
        var factory = new ScriptedBackendFactory(new() { ["m"] = Backend() });
        var run = await new EvaluationRunner(factory)
            .RunAsync(new RunRequest { Suites = [Numbers], Models = [new ModelSpec("m", "m")], ResultsRoot = temp.Path });

        await new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [Numbers], Models = [new ModelSpec("m", "m")], ResultsRoot = temp.Path, ResumeDirectory = run.Directory.Path,
        });

        Assert.Single(factory.Loaded);
    }

    [Fact]
    public async Task Resume_refuses_when_a_suite_changed_and_says_what_changed()
    {
        using var temp = new TempDir();
        var factory = new ScriptedBackendFactory(new() { ["m"] = Backend() });
        var run = await new EvaluationRunner(factory)
            .RunAsync(new RunRequest { Suites = [Numbers], Models = [new ModelSpec("m", "m")], ResultsRoot = temp.Path });

        var error = await Assert.ThrowsAsync<EvalKitException>(() => new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [Numbers with { Digest = "d2" }],
            Models = [new ModelSpec("m", "m")],
            ResultsRoot = temp.Path,
            ResumeDirectory = run.Directory.Path,
        }));

        Assert.Contains("suite 'numbers' changed", error.Message);
        Assert.Contains("d1", error.Message);
    }
}
