using EvalKit.Core;
using EvalKit.Core.Results;
using EvalKit.TestSupport;
using Xunit.Abstractions;

namespace EvalKit.Cli.Tests;

/// <summary>Without unshare the code scorer refuses to run model-written code unless --unsafe-code says so, which the run records.</summary>
public class UnsafeCodeCommandTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Without_unshare_a_code_suite_is_refused_before_the_run_and_unsafe_code_runs_it_recorded()
    {
        // Given: a PATH with bash and setsid but no unshare, and a code suite
        using var temp = new TempDir();
        var bin = Directory.CreateDirectory(temp.File("bin")).FullName;
        foreach (var tool in new[] { "bash", "setsid" })
            File.CreateSymbolicLink(Path.Combine(bin, tool), "/usr/bin/" + tool);
        var environment = new Dictionary<string, string> { ["PATH"] = bin };
        var suite = temp.Write("code.yaml", """
            id: code
            kind: accuracy
            defaults: {max_tokens: 4}
            scorer: {type: code, timeout_s: 5}
            cases:
              - id: add
                prompt: "def add(a, b):\n"
                metadata: {entry_point: add, test: "def check(c):\n    assert c(2, 3) == 5\n"}
            """);
        string[] run = ["run", "-s", suite, "-m", "tiny=" + SharedAssets.Stories260K, "-t", "1", "--no-cache", "-o", "results"];

        // When
        var refused = await EvalKitProcess.RunAsync(temp.Path, environment, run);
        output.WriteLine(refused.Output);

        // Then: bad input, before any run folder exists, saying how to get isolation
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);
        Assert.Contains("without isolation: 'unshare' (util-linux) is not on PATH", refused.Output);
        Assert.Contains("--unsafe-code", refused.Output);
        Assert.False(Directory.Exists(temp.File("results")));

        // When: the user opts in
        var allowed = await EvalKitProcess.RunAsync(temp.Path, environment, [.. run, "--unsafe-code"]);
        output.WriteLine(allowed.Output);

        // Then: printed, recorded in run.json, and the sample says it ran unsandboxed
        Assert.True(allowed.ExitCode == ExitCodes.Ok, allowed.Output);
        Assert.Contains("--unsafe-code: model-written code runs WITHOUT a sandbox", allowed.Output);
        var runDir = Assert.Single(Directory.GetDirectories(temp.File("results")));
        Assert.Contains("\"unsafe_code\": true", File.ReadAllText(Path.Combine(runDir, "run.json")));
        Assert.EndsWith("[sandbox none]", Assert.Single(SamplesReader.Read(runDir)).Reason);
    }
}
