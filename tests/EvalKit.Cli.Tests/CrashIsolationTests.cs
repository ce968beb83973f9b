using System.Text.Json;
using System.Text.RegularExpressions;
using EvalKit.Cli.Supervision;
using EvalKit.Core;
using EvalKit.Core.Results;
using EvalKit.TestSupport;
using Xunit.Abstractions;

namespace EvalKit.Cli.Tests;

/// <summary>Nothing lost: a worker that dies mid-case, and a whole run killed with SIGKILL at random points.</summary>
public class CrashIsolationTests(ITestOutputHelper output)
{
    private static string Suite(TempDir temp, int cases) => temp.Write("suite.yaml",
        "id: stories\nkind: custom\ndefaults: {max_tokens: 40}\nscorer: contains\ncases:\n" + string.Join("", Enumerable.Range(1, cases).Select(i =>
            $"  - {{id: case-{i:D2}, prompt: \"{Openings[i % Openings.Length]} {i}\", expected: [the]}}\n")));

    private static readonly string[] Openings = ["Once upon a time", "The little dog", "A big red ball", "Lily went to the park", "Tom had a toy"];

    [Fact]
    public async Task A_case_that_crashes_the_worker_twice_is_recorded_as_failed_and_the_run_completes()
    {
        using var temp = new TempDir();
        var suite = Suite(temp, 5);

        var result = await EvalKitProcess.RunAsync(temp.Path,
            new Dictionary<string, string> { [FaultInjectingBackend.Variable] = "Lily went to the park 3" },
            "run", "-s", suite, "-m", SharedAssets.Stories260K, "-t", "1", "-c", "256", "-o", "results");
        output.WriteLine(result.Output);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        Assert.Contains("worker crashed", result.Output);
        var runDir = Directory.GetDirectories(temp.File("results")).Single();
        var samples = SamplesReader.Read(runDir);
        Assert.Equal(["case-01", "case-02", "case-03", "case-04", "case-05"], samples.Select(s => s.CaseId).Order());
        var failed = Assert.Single(samples, s => s.Error is not null);
        Assert.Equal("case-03", failed.CaseId);
        Assert.Contains("died 2 times", failed.Error);
        Assert.All(samples.Where(s => s.CaseId != "case-03"), s => Assert.NotEmpty(s.Completion));
        Assert.Equal(4, JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "metrics.json")))
            .RootElement.GetProperty("suites")[0].GetProperty("samples").GetInt32() - 1);
    }

    [Fact]
    public async Task A_judgement_that_crashes_the_worker_twice_is_blamed_on_judging_that_sample_and_recorded_as_failed()
    {
        // Given: stories260K answers and judges itself; only the judge's prompt for case "dog" holds the trigger
        // (its expected answer, which the judge is shown and the answering model is not)
        using var temp = new TempDir();
        var rubric = RepositoryPaths.Combine("rubrics", "default-v1.md");
        var suite = temp.Write("judged.yaml", $$"""
            id: judged
            kind: accuracy
            defaults: {max_tokens: 8}
            scorer: contains
            judge: {model: tiny, rubric: '{{rubric}}', max_tokens: 8}
            cases:
              - {id: once, prompt: Once upon a time, expected: [the]}
              - {id: dog, prompt: The little dog, expected: [judge-crash-trigger]}
              - {id: ball, prompt: A big red ball, expected: [the]}
            """);

        // When
        var result = await EvalKitProcess.RunAsync(temp.Path,
            new Dictionary<string, string> { [FaultInjectingBackend.Variable] = "judge-crash-trigger" },
            "run", "-s", suite, "-m", "tiny=" + SharedAssets.Stories260K, "-t", "1", "-o", "results");
        output.WriteLine(result.Output);

        // Then: the crash is charged to judging that sample, never to model loading, and the run completes
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var text = Regex.Replace(result.Output, @"\s+", " "); // the console wraps long lines
        Assert.Matches(@"worker crashed \(exit code \d+\) while judging tiny/judged/dog/0, crash 1 of 2: retrying\.", text);
        Assert.Contains("while judging tiny/judged/dog/0, crash 2 of 2: recorded as a failed judgement; continuing.", text);
        Assert.DoesNotContain("loading a model", text);
        var runDir = Directory.GetDirectories(temp.File("results")).Single();
        Assert.All(SamplesReader.Read(runDir), s => Assert.Null(s.Error));
        var judgements = JudgementsFile.Read(runDir);
        Assert.Equal(["ball", "dog", "once"], judgements.Select(j => j.CaseId).Order());
        var failed = Assert.Single(judgements, j => j.Judge.Error is not null);
        Assert.Equal(("dog", "unknown", "worker crashed"), (failed.CaseId, failed.Judge.Label, failed.Judge.Reason));
        Assert.Contains("died 2 times while judging this sample", failed.Judge.Error);
        Assert.Contains("judge-crash-trigger", failed.Judge.Prompt);
        Assert.False(File.Exists(Path.Combine(runDir, "inflight.txt")));
        Assert.Equal(3, JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "metrics.json")))
            .RootElement.GetProperty("suites")[0].GetProperty("judge").GetProperty("judged").GetInt32());
    }

    [Fact]
    public async Task Killing_the_run_with_SIGKILL_at_random_points_and_resuming_equals_an_uninterrupted_run()
    {
        using var temp = new TempDir();
        var suite = Suite(temp, 16);
        string[] Args(string outDir) => ["run", "-s", suite, "-m", "tiny=" + SharedAssets.Stories260K, "-t", "1", "-c", "256", "-o", outDir];

        var reference = await EvalKitProcess.RunAsync(temp.Path, Args("reference"));
        Assert.True(reference.ExitCode == ExitCodes.Ok, reference.Output);
        var expected = Completions(Directory.GetDirectories(temp.File("reference")).Single());

        var random = new Random(20261128);
        string? runDir = null;
        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var process = EvalKitProcess.Start(temp.Path, runDir is null ? Args("killed") : ["run", "--resume", runDir, "-t", "1", "-c", "256"]);
            var delay = random.Next(500, 4000);
            var exited = process.WaitForExit(delay);
            if (!exited)
                process.Kill(entireProcessTree: true); // SIGKILL to the supervisor and its worker, like a power cut
            process.WaitForExit();
            // Killed before the run folder existed: the next attempt starts the run afresh.
            runDir ??= Directory.Exists(temp.File("killed")) ? Directory.GetDirectories(temp.File("killed"), "2*").SingleOrDefault() : null;
            output.WriteLine($"attempt {attempt}: killed after {delay} ms: {!exited}; samples so far: {(runDir is null ? 0 : SamplesReader.Read(runDir).Count)}");
        }
        Assert.NotNull(runDir);

        var resumed = await EvalKitProcess.RunAsync(temp.Path, "run", "--resume", runDir, "-t", "1", "-c", "256");

        Assert.True(resumed.ExitCode == ExitCodes.Ok, resumed.Output);
        Assert.Equal(expected, Completions(runDir));
    }

    private static List<string> Completions(string runDir)
    {
        var samples = SamplesReader.Read(runDir);
        Assert.Equal(samples.Count, samples.Select(s => s.Key).Distinct().Count());
        return samples.OrderBy(s => s.CaseId, StringComparer.Ordinal).Select(s => $"{s.CaseId}: {s.Completion}").ToList();
    }
}
