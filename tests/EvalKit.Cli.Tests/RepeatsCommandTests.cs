using System.Text.Json;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary><c>--repeats</c> end to end through the real program and llama.cpp on stories260K.</summary>
public class RepeatsCommandTests
{
    [Fact]
    public async Task Repeats_sample_each_case_with_consecutive_seeds_and_the_samples_differ()
    {
        // Given a sampled (temperature > 0) suite
        using var temp = new TempDir();
        var suite = temp.Write("suites/sampled.yaml", """
            id: sampled
            kind: custom
            defaults: {max_tokens: 24, temperature: 1.0, seed: 7}
            scorer: contains
            cases:
              - {id: once, prompt: Once upon a time, expected: [the]}
            """);

        // When
        var result = await EvalKitProcess.RunAsync(temp.Path,
            "run", "-s", suite, "-m", "tiny=" + SharedAssets.Stories260K, "-t", "1", "--repeats", "4", "-o", "results");

        // Then: one sample per repeat, seeds 7..10, and not all four completions alike
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var runDir = Directory.GetDirectories(temp.File("results")).Single();
        var samples = File.ReadAllLines(Path.Combine(runDir, "samples.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal([(0, 7u), (1, 8u), (2, 9u), (3, 10u)], samples.Select(s => (s.GetProperty("repeat").GetInt32(), s.GetProperty("seed").GetUInt32())));
        Assert.True(samples.Select(s => s.GetProperty("completion").GetString()).Distinct().Count() > 1, "all repeats gave the same text");

        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "metrics.json")));
        var suiteMetrics = metrics.RootElement.GetProperty("suites")[0];
        Assert.Equal(1.0, suiteMetrics.GetProperty("repeats").GetProperty("completion_changed_rate").GetDouble());
        Assert.Equal(4, suiteMetrics.GetProperty("repeats").GetProperty("repeats").GetInt32());
        Assert.True(suiteMetrics.GetProperty("pass_at_k").TryGetProperty("1", out _));
        Assert.Contains("× 4 repeats", result.Stdout);
    }

    [Fact]
    public async Task Code_suite_runs_the_model_output_in_the_sandbox_and_reports_pass_at_k()
    {
        // Given: stories260K writes stories, not Python, so every program fails
        using var temp = new TempDir();
        var suite = temp.Write("suites/code.yaml", """
            id: code
            kind: accuracy
            defaults: {max_tokens: 12, temperature: 0.8}
            scorer: {type: code, timeout_s: 5}
            cases:
              - id: add
                prompt: "def add(a, b):\n"
                metadata:
                  entry_point: add
                  test: |
                    def check(candidate):
                        assert candidate(2, 3) == 5
            """);

        // When
        var result = await EvalKitProcess.RunAsync(temp.Path,
            "run", "-s", suite, "-m", "tiny=" + SharedAssets.Stories260K, "-t", "1", "--repeats", "2", "-o", "results");

        // Then
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var runDir = Directory.GetDirectories(temp.File("results")).Single();
        foreach (var line in File.ReadAllLines(Path.Combine(runDir, "samples.jsonl")))
        {
            var sample = JsonDocument.Parse(line).RootElement;
            Assert.Equal("incorrect", sample.GetProperty("label").GetString());
            Assert.Matches(@"\[sandbox [a-z+]+\]$", sample.GetProperty("reason").GetString());
        }
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "metrics.json")));
        Assert.Equal(0.0, metrics.RootElement.GetProperty("suites")[0].GetProperty("pass_at_k").GetProperty("1").GetDouble());
    }
}
