using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EvalKit.Core;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>A samples.jsonl with duplicated lines or samples of unknown cases is read the same way by every command.</summary>
public class ResultsIntegrityTests
{
    [Fact]
    public async Task Resume_of_a_run_with_duplicated_and_foreign_lines_counts_each_case_once()
    {
        // Given a finished real run of two cases on stories260K
        using var temp = new TempDir();
        var suite = temp.Write("suites/stories.yaml", """
            id: stories
            kind: accuracy
            defaults: {max_tokens: 8}
            scorer: {type: contains}
            cases:
              - {id: once, prompt: Once upon a time, expected: [the]}
              - {id: dog, prompt: The little dog, expected: [zzz-never]}
            """);
        var first = await EvalKitProcess.RunAsync(temp.Path,
            "run", "--suite", suite, "--model", "tiny=" + SharedAssets.Stories260K, "--threads", "1", "--ctx", "256", "--no-cache", "--out", "results");
        Assert.True(first.ExitCode == ExitCodes.Ok, first.Output);
        var run = Directory.GetDirectories(temp.File("results"))[0];
        var before = Metrics(run);

        // When its first line is duplicated twice and a sample of a case the suite does not have is added, then it is resumed
        var samples = Path.Combine(run, SamplesWriter.FileName);
        var lines = File.ReadAllLines(samples);
        var foreign = lines[0].Replace("\"case_id\":\"", "\"case_id\":\"not-in-suite-", StringComparison.Ordinal);
        File.WriteAllLines(samples, [.. lines, lines[0], lines[0], foreign]);
        var resumed = await EvalKitProcess.RunAsync(temp.Path, "run", "--resume", run, "--threads", "1", "--ctx", "256", "--no-cache");

        // Then every line set aside is named, and the figures are those of the two real samples
        Assert.True(resumed.ExitCode == ExitCodes.Ok, resumed.Output);
        Assert.Contains($"{SamplesWriter.FileName}:{lines.Length + 1}: repeats line 1", resumed.Output);
        Assert.Contains($"{SamplesWriter.FileName}:{lines.Length + 2}: repeats line 1", resumed.Output);
        Assert.Contains($"{SamplesWriter.FileName}:{lines.Length + 3}: case 'not-in-suite-", resumed.Output);
        var after = Metrics(run);
        Assert.Equal(2, after.Estimate.N);
        Assert.Equal(before.Estimate.N, after.Estimate.N);
        Assert.Equal(before.Estimate.Value, after.Estimate.Value);
    }

    [Fact]
    public async Task Report_and_compare_read_a_tampered_samples_file_without_counting_a_line_twice()
    {
        // Given two demo runs, the candidate's samples.jsonl with every line repeated and a foreign case, and no metrics.json
        using var temp = new TempDir();
        var baseline = DemoRun.Write(temp.File("results"));
        var candidate = DemoRun.Write(temp.File("results"));
        var expected = AllMetrics(candidate).Select(m => m.Estimate.N).Order().ToList();
        var samples = Path.Combine(candidate, SamplesWriter.FileName);
        var lines = File.ReadAllLines(samples);
        File.WriteAllLines(samples, [.. lines, .. lines, lines[0].Replace("\"case_id\":\"", "\"case_id\":\"foreign-", StringComparison.Ordinal)]);
        File.Delete(Path.Combine(candidate, MetricsReport.FileName));

        // When it is compared and reported
        var compare = await EvalKitProcess.RunAsync(temp.Path, "compare", baseline, candidate, "-o", "cmp");
        var report = await EvalKitProcess.RunAsync(temp.Path, "report", candidate, "-o", "rep");

        // Then both finish with warnings naming the lines, and the recomputed figures equal the untampered ones
        foreach (var result in new[] { compare, report })
        {
            Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
            Assert.Contains($"{SamplesWriter.FileName}:{lines.Length + 1}: repeats line 1", result.Output);
            Assert.Contains("more like these", result.Output);
            Assert.DoesNotContain("   at ", result.Output);
        }
        Assert.Contains($", {lines.Length} samples)", report.Stdout);
        var junit = File.ReadAllText(temp.File("rep/junit.xml"));
        var reported = Regex.Matches(junit, @" n=(\d+),").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(expected, reported);
    }

    private static SuiteMetrics Metrics(string run) => AllMetrics(run)[0];

    private static IReadOnlyList<SuiteMetrics> AllMetrics(string run) =>
        JsonSerializer.Deserialize<MetricsReport>(File.ReadAllText(Path.Combine(run, MetricsReport.FileName)), JsonDefaults.Indented)!.Suites;
}
