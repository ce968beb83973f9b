using System.Xml.Linq;
using EvalKit.Core;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary><c>evalkit report</c> and <c>evalkit compare</c> through the real program, on demo run folders.</summary>
public class ReportCommandTests
{
    [Fact]
    public async Task Report_writes_every_file_and_exits_0_when_the_gates_pass()
    {
        // Given a demo run
        using var temp = new TempDir();
        var run = DemoRun.Write(temp.File("results"));

        // When it is reported with a gate the student meets (50% on demo-accuracy)
        var result = await EvalKitProcess.RunAsync(temp.Path, "report", run, "-o", "reports/demo", "--fail-if", "accuracy < 0.4");

        // Then the report is complete and the gate passed
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        foreach (var file in new[] { "index.html", "summary.md", "junit.xml", "chart-suites.png", "chart-suites.svg" })
            Assert.True(File.Exists(temp.File($"reports/demo/{file}")), file);
        Assert.Contains("PASS fail if accuracy < 0.4", result.Stdout);
        var junit = XDocument.Load(temp.File("reports/demo/junit.xml"));
        Assert.Empty(junit.Descendants("failure"));
        Assert.Contains("✅ all 1 passed", File.ReadAllText(temp.File("reports/demo/summary.md")));
    }

    [Fact]
    public async Task Report_exits_1_with_reasons_when_a_gate_fails()
    {
        // Given a demo run where the student is far behind the teacher
        using var temp = new TempDir();
        var run = DemoRun.Write(temp.File("results"));

        // When a threshold and a regression gate are applied
        var result = await EvalKitProcess.RunAsync(temp.Path, "report", run, "-o", "out",
            "--fail-if", "demo-accuracy.accuracy < 0.70", "--max-regression", "accuracy=2pp");

        // Then the exit code is 1, the log says why, and junit.xml holds the failures
        Assert.True(result.ExitCode == ExitCodes.GateFailed, result.Output);
        Assert.Contains("FAIL fail if demo-accuracy.accuracy < 0.70", result.Stdout);
        Assert.Contains("student on demo-accuracy: accuracy 50.0%", result.Stdout);
        Assert.Contains("regressed by more than the 2.0pp allowed", result.Stdout);
        var gates = XDocument.Load(temp.File("out/junit.xml")).Descendants("testsuite").Single(s => (string?)s.Attribute("name") == "gates");
        Assert.Equal("2", (string?)gates.Attribute("failures"));
        Assert.Contains("❌ 2 of 2 failed", File.ReadAllText(temp.File("out/summary.md")));
    }

    [Fact]
    public async Task Report_of_a_real_llama_run_shows_its_speed_from_the_same_requests()
    {
        // Given a real run of stories260K through llama.cpp
        using var temp = new TempDir();
        var suite = temp.Write("suites/stories.yaml", """
            id: stories
            kind: accuracy
            defaults: {max_tokens: 16}
            scorer: {type: contains}
            cases:
              - {id: once, prompt: Once upon a time, expected: [the], tags: {form: raw}}
              - {id: dog, prompt: The little dog, expected: [the], tags: {form: raw}}
            """);
        var run = await EvalKitProcess.RunAsync(temp.Path,
            "run", "--suite", suite, "--model", "tiny=" + SharedAssets.Stories260K, "--threads", "1", "--ctx", "256", "--out", "results");
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);

        // When it is reported
        var result = await EvalKitProcess.RunAsync(temp.Path, "report", Directory.GetDirectories(temp.File("results"))[0], "-o", "report");

        // Then the speed charts and the model's hash are there
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        Assert.True(File.Exists(temp.File("report/chart-tokens-per-second.png")));
        Assert.True(File.Exists(temp.File("report/chart-quality-vs-speed.svg")));
        Assert.Contains("270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d", File.ReadAllText(temp.File("report/index.html")));
    }

    [Fact]
    public async Task Compare_pairs_runs_by_model_and_gates_the_candidate()
    {
        // Given two runs of the same models
        using var temp = new TempDir();
        var baseline = DemoRun.Write(temp.File("results"));
        var candidate = DemoRun.Write(temp.File("results"));

        // When the candidate is compared with the baseline under a regression gate, and under a bad gate
        var same = await EvalKitProcess.RunAsync(temp.Path, "compare", baseline, candidate, "--max-regression", "accuracy=2pp", "-o", "cmp");
        var typo = await EvalKitProcess.RunAsync(temp.Path, "compare", baseline, candidate, "--fail-if", "acuracy < 0.5");

        // Then identical answers pass, the report is written, and the typo is bad input with a suggestion
        Assert.True(same.ExitCode == ExitCodes.Ok, same.Output);
        Assert.Contains("student@candidate", same.Stdout);
        Assert.Contains("All 1 gate(s) passed", same.Stdout);
        Assert.True(File.Exists(temp.File("cmp/index.html")));
        Assert.Equal(ExitCodes.BadInput, typo.ExitCode);
        Assert.Contains("Did you mean 'accuracy'", typo.Output);
    }
}
