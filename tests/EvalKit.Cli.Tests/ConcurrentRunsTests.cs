using EvalKit.Caching;
using EvalKit.Core.Results;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>Two <c>evalkit run</c> processes at once, sharing one results folder and one response cache.</summary>
public class ConcurrentRunsTests
{
    [Fact]
    public async Task Two_runs_at_once_into_one_results_folder_each_write_a_complete_folder_of_their_own()
    {
        using var temp = new TempDir();
        var suite = temp.Write("s.yaml", """
            id: stories
            kind: custom
            defaults: {max_tokens: 16}
            scorer: contains
            cases:
              - {id: a, prompt: Once upon a time, expected: [the]}
              - {id: b, prompt: The little dog, expected: [the]}
              - {id: c, prompt: One day a girl, expected: [the]}
            """);

        var runs = Enumerable.Range(0, 2).Select(_ => EvalKitProcess.RunAsync(temp.Path,
            "run", "-s", suite, "-m", "tiny=" + SharedAssets.Stories260K, "-t", "1", "-o", "results")).ToList();
        var results = await Task.WhenAll(runs);

        Assert.All(results, r => Assert.True(r.ExitCode == 0, r.Output));
        var folders = Directory.GetDirectories(temp.File("results"));
        Assert.Equal(2, folders.Length);
        foreach (var folder in folders)
        {
            Assert.Equal(["a", "b", "c"], SamplesReader.Read(folder).Select(s => s.CaseId));
            Assert.True(File.Exists(Path.Combine(folder, "metrics.json")), folder);
            Assert.NotNull(RunDirectory.Open(folder).ReadManifest().CompletedAt);
        }
        using var cache = ResponseCache.Open(temp.File(".cache/responses.sqlite"));
        Assert.Equal(3, cache.Statistics().Entries);
    }
}
