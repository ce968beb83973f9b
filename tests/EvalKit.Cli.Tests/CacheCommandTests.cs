using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Results;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>The response cache through the real program and llama.cpp on stories260K.</summary>
public class CacheCommandTests
{
    private const string Suite = """
        id: stories
        kind: custom
        defaults: {max_tokens: 24, temperature: 0.8, seed: 99, system: You tell short stories.}
        scorer: contains
        cases:
          - {id: raw, prompt: Once upon a time, expected: [the]}
          - id: chat
            messages: [{role: user, content: Tell me a story about a cat.}]
            expected: [cat]
        """;

    private static Task<EvalKitProcess.Result> Run(TempDir temp, string outDir, params string[] extra) =>
        EvalKitProcess.RunAsync(temp.Path, ["run", "-s", temp.File("s.yaml"), "-m", "tiny=" + SharedAssets.Stories260K, "-t", "1", "-o", outDir, .. extra]);

    private static IReadOnlyList<SampleRecord> Samples(TempDir temp, string outDir) =>
        SamplesReader.Read(Directory.GetDirectories(temp.File(outDir)).Single());

    private static string Metrics(TempDir temp, string outDir) =>
        JsonSerializer.Serialize(JsonSerializer.Deserialize<Core.Metrics.MetricsReport>(
            File.ReadAllText(Path.Combine(Directory.GetDirectories(temp.File(outDir)).Single(), "metrics.json")), JsonDefaults.Indented)!.Suites);

    [Fact]
    public async Task A_second_run_takes_every_answer_from_the_cache_with_identical_results_and_stats_and_prune_see_them()
    {
        using var temp = new TempDir();
        temp.Write("s.yaml", Suite);

        var uncached = await Run(temp, "none", "--no-cache");
        // The model-hash memo lives beside the cache and is kept with --no-cache too; the response cache is not made.
        Assert.False(File.Exists(temp.File(".cache/responses.sqlite")), "--no-cache must not create the response cache");
        var first = await Run(temp, "first");
        var second = await Run(temp, "second");

        Assert.True(uncached.ExitCode == 0 && first.ExitCode == 0 && second.ExitCode == 0, uncached.Output + first.Output + second.Output);
        Assert.All(Samples(temp, "first"), s => Assert.False(s.Cached));
        Assert.All(Samples(temp, "second"), s => Assert.True(s.Cached));
        Assert.Contains("2 answer(s) came from the response cache", second.Stdout);
        var expected = Samples(temp, "none").Select(s => (s.CaseId, s.Completion, s.RenderedPrompt, s.CompletionTokens)).ToList();
        Assert.Equal(expected, Samples(temp, "first").Select(s => (s.CaseId, s.Completion, s.RenderedPrompt, s.CompletionTokens)));
        Assert.Equal(expected, Samples(temp, "second").Select(s => (s.CaseId, s.Completion, s.RenderedPrompt, s.CompletionTokens)));
        Assert.Equal(Samples(temp, "first").Select(s => s.TotalMs), Samples(temp, "second").Select(s => s.TotalMs));
        Assert.Equal(Metrics(temp, "first"), Metrics(temp, "second"));

        var stats = await EvalKitProcess.RunAsync(temp.Path, "cache", "stats");
        var prune = await EvalKitProcess.RunAsync(temp.Path, "cache", "prune", "--model", "270cba1bd510");
        var after = await EvalKitProcess.RunAsync(temp.Path, "cache", "stats");
        Assert.True(stats.ExitCode == 0 && prune.ExitCode == 0, stats.Output + prune.Output);
        Assert.Contains("2 cached answer(s)", stats.Stdout);
        Assert.Contains("sha256:270cba1b", stats.Stdout);
        Assert.Contains("Deleted 2 cached answer(s)", prune.Stdout);
        Assert.Contains("0 cached answer(s)", after.Stdout);
    }

    [Fact]
    public async Task Cache_prune_without_a_filter_says_what_to_pass()
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, "cache", "prune");
        var badAge = await EvalKitProcess.RunAsync(temp.Path, "cache", "prune", "--older-than", "soon");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--older-than 30d, --model SHA, or --all", result.Output);
        Assert.Equal(ExitCodes.BadInput, badAge.ExitCode);
        Assert.Contains("e.g. 30d", badAge.Output);
    }
}
