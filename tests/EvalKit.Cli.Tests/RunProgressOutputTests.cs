using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>What <c>evalkit run</c> says it is doing, read from its plain progress lines (no terminal).</summary>
public class RunProgressOutputTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_run_answered_entirely_from_the_cache_never_says_it_is_loading_the_model(bool inProcess)
    {
        // Given: a tiny suite on stories260K; the first run fills the response cache
        using var temp = new TempDir();
        var suite = temp.Write("suite.yaml", """
            id: stories
            kind: custom
            defaults: {max_tokens: 8}
            scorer: contains
            cases:
              - {id: once, prompt: Once upon a time, expected: [the]}
              - {id: dog, prompt: The little dog, expected: [the]}
            """);
        string[] args = ["run", "-s", suite, "-m", "tiny=" + SharedAssets.Stories260K, "-t", "1", "-o", "results", .. inProcess ? ["--in-process"] : Array.Empty<string>()];

        // When
        var first = await EvalKitProcess.RunAsync(temp.Path, args);
        var second = await EvalKitProcess.RunAsync(temp.Path, args);

        // Then
        Assert.True(first.ExitCode == ExitCodes.Ok && second.ExitCode == ExitCodes.Ok, first.Output + second.Output);
        Assert.Contains("[tiny] loading model", first.Stdout);
        Assert.DoesNotContain("answering from cache", first.Stdout);
        Assert.Contains("2 answer(s) came from the response cache", second.Stdout);
        Assert.Contains("[tiny] 2/2 cases", second.Stdout);
        Assert.Contains("answering from cache", second.Stdout);
        Assert.DoesNotContain("loading", second.Output, StringComparison.OrdinalIgnoreCase);
    }
}
