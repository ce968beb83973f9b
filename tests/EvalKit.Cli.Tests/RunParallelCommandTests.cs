using System.Text.Json;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary><c>evalkit run --parallel N</c> end to end on stories260K.</summary>
public class RunParallelCommandTests
{
    [Fact]
    public async Task Parallel_run_writes_the_same_completions_in_the_same_order_as_one_at_a_time()
    {
        // Given: greedy cases (sampled ones can differ in rare tokens; see LlamaBackend)
        using var temp = new TempDir();
        var suite = temp.Write("suites/mixed.yaml", """
            id: mixed
            kind: custom
            defaults: {max_tokens: 24}
            scorer: contains
            cases:
              - {id: a, prompt: Once upon a time, expected: [the]}
              - {id: b, prompt: The big red ball, expected: [the]}
              - {id: c, prompt: Tom and Sue went to the, expected: [the]}
              - {id: d, prompt: The little dog, expected: [the]}
              - {id: e, prompt: One day, expected: [the]}
            """);

        static string[] Samples(string root) => [.. File.ReadAllLines(Path.Combine(Directory.GetDirectories(root).Single(), "samples.jsonl"))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Select(s => $"{s.GetProperty("case_id").GetString()}: {s.GetProperty("completion").GetString()}")];

        // When
        var one = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", SharedAssets.Stories260K, "-t", "1", "-c", "256", "-o", "one");
        var four = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", SharedAssets.Stories260K, "-t", "1", "-c", "256", "-o", "four", "--parallel", "4");

        // Then
        Assert.True(one.ExitCode == 0 && four.ExitCode == 0, one.Output + four.Output);
        Assert.Equal(Samples(temp.File("one")), Samples(temp.File("four")));
        Assert.Equal(5, Samples(temp.File("four")).Length);
    }
}
