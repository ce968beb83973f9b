using System.Text.Json;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary><c>evalkit fidelity</c> end to end on stories260K.</summary>
public class FidelityCommandTests
{
    [Fact]
    public async Task Fidelity_of_a_model_against_itself_writes_zero_KL_and_full_agreement_for_each_case()
    {
        // Given
        using var temp = new TempDir();
        var suite = temp.Write("suites/stories.yaml", """
            id: stories
            kind: custom
            cases:
              - {id: once, prompt: Once upon a time, expected: [girl]}
              - {id: dog, prompt: The little dog, expected: [dog]}
            """);

        // When
        var result = await EvalKitProcess.RunAsync(temp.Path,
            "fidelity", "--teacher", SharedAssets.Stories260K, "--student", SharedAssets.Stories260K, "--suite", suite,
            "--max-tokens", "16", "--threads", "1", "--ctx", "256", "--out", "fidelity.json");

        // Then
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(temp.File("fidelity.json")));
        var root = report.RootElement;
        Assert.Equal(0, root.GetProperty("kl_divergence").GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal(1, root.GetProperty("top1_agreement").GetProperty("value").GetDouble());
        Assert.Equal(32, root.GetProperty("tokens").GetInt32());
        Assert.Equal(["stories/once", "stories/dog"], root.GetProperty("per_sequence").EnumerateArray().Select(s => s.GetProperty("id").GetString()));
        Assert.Equal("270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d", root.GetProperty("student").GetProperty("sha256").GetString());
        Assert.Contains("top-1 agreement: 100.0%", result.Stdout);
    }

    [Fact]
    public async Task Fidelity_needs_either_suites_or_text_but_not_both()
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path,
            "fidelity", "--teacher", SharedAssets.Stories260K, "--student", SharedAssets.Stories260K);

        Assert.NotEqual(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("either --suite PATH", result.Output);
        Assert.False(File.Exists(temp.File("fidelity.json")));
    }
}
