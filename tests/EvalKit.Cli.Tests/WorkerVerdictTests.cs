using System.Text.RegularExpressions;
using EvalKit.Cli.Supervision;
using EvalKit.Core;
using EvalKit.Core.Results;
using EvalKit.TestSupport;
using Xunit.Abstractions;

namespace EvalKit.Cli.Tests;

/// <summary>
/// A worker that exits with 1, 2 or 3 without stating that verdict (a runtime library calling exit(), as libgomp
/// does when it cannot create threads) died: it is restarted, and when it keeps dying the run exits 3, saying so.
/// </summary>
public class WorkerVerdictTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task A_worker_that_exits_without_a_verdict_is_a_crash_and_the_run_is_left_resumable(int code)
    {
        // Given: a worker that dies with this exit code before loading anything
        using var temp = new TempDir();
        var suite = temp.Write("suite.yaml", "id: s\nkind: custom\ndefaults: {max_tokens: 4}\nscorer: contains\ncases:\n  - {id: a, prompt: Once upon a time, expected: [the]}\n");
        string[] run = ["run", "-s", suite, "-m", "x=" + SharedAssets.Stories260K, "-t", "1", "--no-cache", "-o", "results"];

        // When
        var died = await EvalKitProcess.RunAsync(temp.Path, new Dictionary<string, string> { [FaultInjectingBackend.ExitVariable] = code.ToString() }, run);
        output.WriteLine(died.Output);

        // Then: a runtime failure, not a gate verdict; what happened, the worker's last words and how to resume
        Assert.Equal(ExitCodes.RuntimeFailure, died.ExitCode);
        var text = Regex.Replace(died.Output, @"\s+", " ");
        Assert.Contains($"worker crashed (exit code {code}) while loading a model, crash 1 of 2: retrying.", text);
        Assert.Contains($"The worker process died 2 times while loading a model (exit code {code}, without stating a result)", text);
        Assert.Contains($"{FaultInjectingBackend.ExitVariable}: injected exit with code {code}", text);
        var runDir = Directory.GetDirectories(temp.File("results")).Single();
        Assert.Contains($"The run is kept and resumable: evalkit run --resume {Path.Combine("results", Path.GetFileName(runDir))}", text);

        // And: the run resumes to completion once the worker stops dying
        var resumed = await EvalKitProcess.RunAsync(temp.Path, "run", "--resume", runDir, "-t", "1", "--no-cache");
        output.WriteLine(resumed.Output);
        Assert.True(resumed.ExitCode == ExitCodes.Ok, resumed.Output);
        Assert.Equal("a", Assert.Single(SamplesReader.Read(runDir)).CaseId);
    }

    [Fact]
    public async Task A_worker_that_states_its_verdict_passes_it_through()
    {
        // Given: a suite whose model file is missing: the worker's own bad-input verdict (exit 2)
        using var temp = new TempDir();
        var suite = temp.Write("suite.yaml", "id: s\nkind: custom\nscorer: contains\ncases:\n  - {id: a, prompt: hi, expected: [the]}\n");

        var result = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", "x=" + temp.File("missing.gguf"), "--no-cache", "-o", "results");
        output.WriteLine(result.Output);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.DoesNotContain("worker crashed", result.Output);
    }
}
