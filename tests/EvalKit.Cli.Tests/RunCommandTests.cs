using System.Text.Json;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>End to end through the real program and the real llama.cpp on stories260K.</summary>
public class RunCommandTests
{
    private const string StorySuite = """
        id: stories
        kind: custom
        description: Continuations of story openings; checks plumbing, not quality.
        defaults:
          max_tokens: 24
        scorer:
          type: contains
        cases:
          - id: raw-once
            prompt: Once upon a time
            expected: [Lily, girl, the]
            tags: {form: raw}
          - id: raw-dog
            prompt: The little dog
            expected: [the]
            tags: {form: raw}
          - id: chat-story
            messages:
              - {role: user, content: Tell me a story about a cat.}
            expected: [cat]
            tags: {form: chat}
        """;

    [Fact]
    public async Task Run_writes_samples_with_completions_token_counts_and_metrics()
    {
        using var temp = new TempDir();
        var suite = temp.Write("suites/stories.yaml", StorySuite);

        var result = await EvalKitProcess.RunAsync(temp.Path,
            "run", "--suite", suite, "--model", "tiny=" + SharedAssets.Stories260K, "--threads", "1", "--ctx", "256", "--out", "results");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var runDir = Assert.Single(Directory.GetDirectories(temp.File("results")));
        var lines = File.ReadAllLines(Path.Combine(runDir, "samples.jsonl"));
        Assert.Equal(3, lines.Length);
        foreach (var line in lines)
        {
            using var sample = JsonDocument.Parse(line);
            var root = sample.RootElement;
            Assert.Equal("tiny", root.GetProperty("model").GetString());
            Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("completion").GetString()), line);
            Assert.True(root.GetProperty("prompt_tokens").GetInt32() > 0, line);
            Assert.True(root.GetProperty("completion_tokens").GetInt32() > 0, line);
            Assert.Contains(root.GetProperty("finish_reason").GetString(), new[] { "stop", "length" });
        }
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")));
        Assert.Equal(
            "270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d",
            manifest.RootElement.GetProperty("models")[0].GetProperty("sha256").GetString());
        Assert.True(File.Exists(Path.Combine(runDir, "metrics.json")));
        Assert.Contains("stories", result.Stdout);
    }

    [Fact]
    public async Task The_same_seed_gives_byte_identical_completions_in_two_runs()
    {
        using var temp = new TempDir();
        var suite = temp.Write("suites/sampled.yaml", """
            id: sampled
            kind: custom
            defaults: {max_tokens: 32, temperature: 0.9, top_p: 0.95, seed: 1234}
            scorer: contains
            cases:
              - {id: a, prompt: Once upon a time, expected: [the]}
              - {id: b, prompt: The big red ball, expected: [the]}
            """);

        string Completions(string root) => string.Join("\n", File.ReadAllLines(
            Path.Combine(Directory.GetDirectories(root).Single(), "samples.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("completion").GetString()));

        var first = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", SharedAssets.Stories260K, "-t", "1", "-o", "one", "--no-cache");
        var second = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", SharedAssets.Stories260K, "-t", "1", "-o", "two", "--no-cache");

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Output + second.Output);
        Assert.Equal(Completions(temp.File("one")), Completions(temp.File("two")));
    }

    [Fact]
    public async Task A_missing_model_is_bad_input_reported_before_anything_is_written()
    {
        using var temp = new TempDir();
        var suite = temp.Write("s.yaml", StorySuite);

        var result = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", "nope/missing.gguf");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("model file not found: nope/missing.gguf", result.Output);
        Assert.False(Directory.Exists(temp.File("results/")) && Directory.GetDirectories(temp.File("results")).Length > 0);
    }

    [Fact]
    public async Task A_vocabulary_only_model_is_refused_before_llama_cpp_can_abort()
    {
        using var temp = new TempDir();
        var suite = temp.Write("s.yaml", StorySuite);

        var result = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", SharedAssets.Model("ggml-vocab-llama-spm.gguf"));

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("vocabulary", result.Output);
        Assert.False(Directory.Exists(temp.File("results")) && Directory.GetDirectories(temp.File("results")).Length > 0);
    }

    [Fact]
    public async Task Device_cuda_without_cuda_fails_even_when_every_answer_is_cached()
    {
        // Given a run on the CPU that filled the response cache
        using var temp = new TempDir();
        var suite = temp.Write("s.yaml", StorySuite);
        var cpu = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", SharedAssets.Stories260K, "-t", "1", "-o", "cpu");
        Assert.True(cpu.ExitCode == ExitCodes.Ok, cpu.Output);

        // When the same run asks for CUDA on a machine without it
        var cuda = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", SharedAssets.Stories260K, "--device", "cuda", "-t", "1", "-o", "cuda");

        // Then it fails before answering anything from the cache
        Assert.NotEqual(ExitCodes.Ok, cuda.ExitCode);
        Assert.Contains("CUDA was requested", cuda.Output);
        Assert.DoesNotContain("came from the response cache", cuda.Output);
    }

    [Fact]
    public async Task Device_cuda_without_cuda_fails_fast_and_auto_records_the_cpu()
    {
        using var temp = new TempDir();
        var suite = temp.Write("s.yaml", StorySuite);

        var cuda = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", SharedAssets.Stories260K, "--device", "cuda", "-t", "1", "--no-cache", "-o", "cuda");
        var auto = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", SharedAssets.Stories260K, "--device", "auto", "-t", "1", "--no-cache", "-o", "auto");

        Assert.NotEqual(ExitCodes.Ok, cuda.ExitCode);
        Assert.Contains("CUDA was requested", cuda.Output);
        Assert.Contains("-p:EvalKitCuda=12", cuda.Output);
        Assert.True(auto.ExitCode == ExitCodes.Ok, auto.Output);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory.GetDirectories(temp.File("auto")).Single(), "run.json")));
        var details = manifest.RootElement.GetProperty("models")[0].GetProperty("details");
        Assert.Equal("cpu", details.GetProperty("device").GetString());
        Assert.Contains("cuda not available", details.GetProperty("native_library").GetString());
    }

    [Fact]
    public async Task Run_without_suite_or_model_says_what_to_pass()
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, "run", "--model", "x.gguf");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--suite", result.Output);
    }
}
