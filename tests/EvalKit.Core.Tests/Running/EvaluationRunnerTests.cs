using System.Text.Json;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

public class EvaluationRunnerTests
{
    private static readonly Suite Capitals = new()
    {
        Id = "capitals",
        Kind = SuiteKind.Accuracy,
        Digest = "abc",
        Cases =
        [
            new EvalCase { Id = "fr", Prompt = "France?", Expected = ["Paris"], Tags = new Dictionary<string, string> { ["region"] = "eu" } },
            new EvalCase { Id = "it", Prompt = "Italy?", Expected = ["Rome"], Tags = new Dictionary<string, string> { ["region"] = "eu" } },
            new EvalCase { Id = "jp", Prompt = "Japan?", Expected = ["Tokyo"], Tags = new Dictionary<string, string> { ["region"] = "asia" } },
            new EvalCase { Id = "pe", Prompt = "Peru?", Expected = ["Lima"], Tags = new Dictionary<string, string> { ["region"] = "americas" } },
        ],
    };

    [Fact]
    public async Task Run_writes_one_scored_sample_per_model_and_case_and_metrics_from_them()
    {
        using var temp = new TempDir();
        var teacher = new ScriptedBackend("teacher", new Dictionary<string, string>
        { ["France?"] = "Paris", ["Italy?"] = "Rome", ["Japan?"] = "Tokyo", ["Peru?"] = "Lima" });
        var student = new ScriptedBackend("student", new Dictionary<string, string>
        { ["France?"] = "Paris", ["Italy?"] = "Milan", ["Japan?"] = "Tokyo", ["Peru?"] = ScriptedBackend.Crash });
        var factory = new ScriptedBackendFactory(new() { ["t"] = teacher, ["s"] = student });

        var result = await new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [Capitals],
            Models = [new ModelSpec("teacher", "t"), new ModelSpec("student", "s")],
            ResultsRoot = temp.Path,
        });

        var samples = SamplesReader.Read(result.Directory.Path);
        Assert.Equal(8, samples.Count);
        Assert.Equal(["teacher", "student"], factory.Loaded);
        Assert.True(teacher.Disposed && student.Disposed);

        var crashed = Assert.Single(samples, s => s.Label == ScoreLabel.Error);
        Assert.Equal(("student", "pe"), (crashed.Model, crashed.CaseId));
        Assert.Contains("scripted failure", crashed.Error);

        var studentMetrics = result.Metrics.Suites.Single(m => m.Model == "student");
        Assert.Equal((2, 3, 1), (studentMetrics.Estimate.Successes, studentMetrics.Estimate.N, studentMetrics.Errors));
        var eu = studentMetrics.ByTag.Single(t => t.Tag == "region=eu");
        Assert.Equal((1, 2), (eu.Estimate.Successes, eu.Estimate.N));
        Assert.Equal(1.0, result.Metrics.Suites.Single(m => m.Model == "teacher").Estimate.Value);

        // The crashed case is left out of the pairing: 3 paired cases, one lost by the student.
        var comparison = Assert.Single(result.Metrics.Comparisons);
        Assert.Equal(("teacher", "student"), (comparison.Baseline, comparison.Candidate));
        Assert.Equal(new(2, 1, 0, 0), comparison.Overall.Flips);
        Assert.Equal(-1.0 / 3, comparison.Overall.Difference, 10);
        Assert.Equal(["it"], comparison.OnlyBaselineCases);
        Assert.Equal(2.0 / 3, comparison.AnswerAgreement, 10);
    }

    [Fact]
    public async Task Run_records_a_manifest_with_suite_digests_models_and_host()
    {
        using var temp = new TempDir();
        var factory = new ScriptedBackendFactory(new() { ["t"] = new ScriptedBackend("t", new Dictionary<string, string>()) });

        var result = await new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [Capitals], Models = [new ModelSpec("teacher", "t")], ResultsRoot = temp.Path,
        });

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.Directory.Path, "run.json")));
        var root = manifest.RootElement;
        Assert.Equal(result.Directory.RunId, root.GetProperty("run_id").GetString());
        Assert.Equal("abc", root.GetProperty("suites")[0].GetProperty("digest").GetString());
        Assert.Equal("teacher", root.GetProperty("models")[0].GetProperty("name").GetString());
        Assert.True(root.GetProperty("host").GetProperty("logical_cores").GetInt32() > 0);
        Assert.True(root.TryGetProperty("completed_at", out _));
        Assert.True(File.Exists(Path.Combine(result.Directory.Path, "metrics.json")));
    }

    [Fact]
    public async Task Run_checks_every_model_before_loading_any()
    {
        using var temp = new TempDir();
        var factory = new ScriptedBackendFactory(new() { ["t"] = new ScriptedBackend("t", new Dictionary<string, string>()) });

        var error = await Assert.ThrowsAsync<EvalKitException>(() => new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [Capitals],
            Models = [new ModelSpec("teacher", "t"), new ModelSpec("ghost", "missing"), new ModelSpec("teacher", "t")],
            ResultsRoot = temp.Path,
        }));

        Assert.Contains("no scripted model 'missing'", error.Message);
        Assert.Contains("'teacher' is used twice", error.Message);
        Assert.Empty(factory.Loaded);
        Assert.Empty(Directory.GetDirectories(temp.Path));
    }
}
