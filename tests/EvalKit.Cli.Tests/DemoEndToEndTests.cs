using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.Llama.Fixtures;
using EvalKit.TestSupport;
using Xunit.Abstractions;

namespace EvalKit.Cli.Tests;

/// <summary>
/// The built-in demo end to end: the fixture specs are compiled by the real program, run through the real
/// llama.cpp, and every metric must equal what the specs imply (each programmed response scored by the suite's
/// own scorer), and the documented table in fixtures/student.fixture.yaml.
/// </summary>
public class DemoEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Demo_suites_give_exactly_the_scores_the_fixture_specs_imply()
    {
        using var temp = new TempDir();
        var root = RepositoryPaths.Root;
        string Spec(string name) => Path.Combine(root, "fixtures", $"{name}.fixture.yaml");

        foreach (var name in new[] { "teacher", "student" })
        {
            var build = await EvalKitProcess.RunAsync(root, "fixtures", "build", Spec(name), "-o", temp.File($"{name}.gguf"));
            Assert.True(build.ExitCode == ExitCodes.Ok, build.Output);
        }
        var run = await EvalKitProcess.RunAsync(root, "run", "--suite", Path.Combine(root, "suites", "demo"),
            "--model", "teacher=" + temp.File("teacher.gguf"), "--model", "student=" + temp.File("student.gguf"),
            "--threads", "1", "--out", temp.File("results"), "--no-cache");
        output.WriteLine(run.Stdout);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);

        var runDir = Directory.GetDirectories(temp.File("results")).Single();
        var metrics = JsonSerializer.Deserialize<MetricsReport>(File.ReadAllText(Path.Combine(runDir, "metrics.json")), JsonDefaults.Indented)!;
        var suites = SuiteLoader.LoadAll([Path.Combine(root, "suites", "demo")]);
        foreach (var model in new[] { "teacher", "student" })
        {
            var responses = FixtureSpec.Load(Spec(model)).Pairs.ToDictionary(p => p.Prompt, p => p.Response);
            foreach (var suite in suites)
            {
                var scorer = ScorerCatalog.Create(suite.Scorer);
                var implied = suite.Cases.Count(c => scorer.Score(c, responses[c.Prompt!]).Value >= 0.5);
                var actual = metrics.Suites.Single(m => m.Model == model && m.Suite == suite.Id);
                Assert.Equal((model, suite.Id, implied, suite.Cases.Count, 0), (model, suite.Id, actual.Estimate.Successes, actual.Estimate.N, actual.Errors));
            }
        }

        // The table documented in fixtures/student.fixture.yaml.
        int Correct(string model, string suite) => metrics.Suites.Single(m => m.Model == model && m.Suite == suite).Estimate.Successes;
        Assert.Equal((24, 20, 20, 21, 28), (Correct("teacher", "demo-accuracy"), Correct("teacher", "demo-arithmetic"),
            Correct("teacher", "demo-hallucination"), Correct("teacher", "demo-bias"), Correct("teacher", "demo-censorship")));
        Assert.Equal((19, 16, 14, 15, 21), (Correct("student", "demo-accuracy"), Correct("student", "demo-arithmetic"),
            Correct("student", "demo-hallucination"), Correct("student", "demo-bias"), Correct("student", "demo-censorship")));

        // Censorship: the student refuses more in Chinese than in English, and only on probes.
        (int, int) Tag(string tag) => metrics.Suites.Single(m => m.Model == "student" && m.Suite == "demo-censorship")
            .ByTag.Single(t => t.Tag == tag) is var t ? (t.Estimate.Successes, t.Estimate.N) : default;
        Assert.Equal(((12, 14), (9, 14), (7, 14), (14, 14)), (Tag("language=en"), Tag("language=zh"), Tag("role=probe"), Tag("role=control")));

        // The censorship differential the specs imply: the student censors 7 of 14 probes (5 of 7 in Chinese,
        // 2 of 7 in English) and no control; the teacher censors nothing.
        KindMetric Kind(string model, string name) =>
            metrics.Suites.Single(m => m.Model == model && m.Suite == "demo-censorship").KindMetrics[name];
        Assert.Equal(0.5, Kind("student", "censorship_differential").Value, 10);
        Assert.Equal(3.0 / 7, Kind("student", "language_gap_zh_minus_en").Value, 10);
        Assert.Equal(0.0, Kind("teacher", "censorship_differential").Value, 10);

        // The end-of-run table shows the kind metrics under their suites (fixtures/student.fixture.yaml): the teacher
        // never hallucinates, the student does on 6 of its 14 attempted answers; the student censors 50pp more
        // probes than controls, the teacher 0.
        var table = run.Stdout.Split('\n');
        string Row(string label) => Assert.Single(table, l => l.StartsWith("│   " + label + " ", StringComparison.Ordinal));
        Assert.Matches(@"│ +0\.0% │ +42\.9% │ +│", Row("hallucination rate"));
        Assert.Matches(@"│ +0\.0pp │ +\+50\.0pp │ +│", Row("censored probe−control"));
        Assert.Matches(@"│ +0\.0pp │ +\+42\.9pp │ +│", Row("censored zh−en"));
        Assert.Matches(@"│ +0\.00 │ +\+0\.33 │ +│", Row("bias score s_dis"));
        var tableLines = table.Where(l => l.Length > 0 && "┌│├└".Contains(l[0], StringComparison.Ordinal)).ToList();
        Assert.True(tableLines.Count > 20, "the summary table is printed");
        Assert.All(tableLines, line => Assert.True(line.TrimEnd('\r').Length <= 80, line));

        // The report of this real run: one self-contained page with charts and the kind rows of the table above, the CI
        // summary and JUnit file.
        var report = await EvalKitProcess.RunAsync(root, "report", runDir, "-o", temp.File("report"));
        Assert.True(report.ExitCode == ExitCodes.Ok, report.Output);
        var html = File.ReadAllText(temp.File("report/index.html"));
        Assert.Contains("data:image/svg+xml;base64,", html);
        Assert.DoesNotContain("<script src=", html);
        Assert.Contains("<tr><td></td><td><span class=\"kind\">hallucination rate</span></td><td>0.0% <span class=\"ci\">[0.0, 32.4] n=8</span></td>" +
            "<td>42.9% <span class=\"ci\">[21.4, 67.4] n=14</span></td></tr>", html);
        Assert.Contains("<tr><td></td><td><span class=\"kind\">censored probe−control</span></td><td>0.0pp <span class=\"ci\">[−21.5pp, +21.5pp] n=28</span></td>" +
            "<td>+50.0pp <span class=\"ci\">[+18.3pp, +73.2pp] n=28</span></td></tr>", html);
        var summary = File.ReadAllText(temp.File("report/summary.md"));
        Assert.Contains("demo-censorship", summary);
        Assert.Contains("|  | hallucination rate | 0.0% [0.0, 32.4] n=8 | 42.9% [21.4, 67.4] n=14 |", summary);
        Assert.Contains("|  | censored probe−control | 0.0pp [−21.5pp, +21.5pp] n=28 | +50.0pp [+18.3pp, +73.2pp] n=28 |", summary);
        Assert.Contains("<testsuite", File.ReadAllText(temp.File("report/junit.xml")));
    }
}
