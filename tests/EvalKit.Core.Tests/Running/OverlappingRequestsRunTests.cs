using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

public sealed class OverlappingRequestsRunTests
{
    private static readonly Suite Numbers = new()
    {
        Id = "numbers",
        Kind = SuiteKind.Accuracy,
        Digest = "d",
        Cases = [.. Enumerable.Range(1, 6).Select(i => new EvalCase { Id = $"c{i}", Prompt = $"p{i}", Expected = [$"a{i}"] })],
    };

    private static RunRequest Request(TempDir temp, int parallel) => new()
    {
        Suites = [Numbers],
        Models = [new ModelSpec("m", "m")],
        ResultsRoot = temp.Path,
        Parallel = parallel,
    };

    [Fact]
    public async Task Keeps_N_requests_open_starting_the_next_case_as_any_ends_and_records_a_failure_as_data()
    {
        // Given six cases, three in flight, answered in reverse order of asking; c2 fails
        using var temp = new TempDir();
        var backend = ScriptedBackend.Held("m");
        var run = new EvaluationRunner(new ScriptedBackendFactory(new() { ["m"] = backend })).RunAsync(Request(temp, 3));

        // When c3 ends first, c4 is asked for while c1 and c2 are still open
        await backend.Asked("p3").Task;
        Assert.False(backend.Asked("p4").Task.IsCompleted);
        backend.Release("p3", "a3");
        await backend.Asked("p4").Task;
        Assert.Equal(3, backend.Open);
        foreach (var (prompt, answer) in new[] { ("p4", "a4"), ("p2", null), ("p1", "a1"), ("p5", "a5"), ("p6", "a6") })
            backend.Release(prompt, answer);
        var result = await run;

        // Then never more than three were open, each case has its sample (the finished file in case order, though c3
        // was written first), and c2's failure is data
        Assert.Equal(3, backend.MostOpen);
        var samples = SamplesReader.Read(result.Directory.Path);
        Assert.Equal(["c1", "c2", "c3", "c4", "c5", "c6"], samples.Select(s => s.CaseId));
        var failed = Assert.Single(samples, s => s.Label == ScoreLabel.Error);
        Assert.Equal("c2", failed.CaseId);
        Assert.Contains("scripted failure for p2", failed.Error);
        Assert.All(samples.Where(s => s.CaseId != "c2"), s => Assert.Equal(ScoreLabel.Correct, s.Label));
    }

    [Fact]
    public async Task A_stopped_run_keeps_what_ended_and_leaves_no_request_open()
    {
        // Given three requests in flight, one of which has ended
        using var temp = new TempDir();
        var backend = ScriptedBackend.Held("m");
        using var stop = new CancellationTokenSource();
        var run = new EvaluationRunner(new ScriptedBackendFactory(new() { ["m"] = backend })).RunAsync(Request(temp, 3), cancellationToken: stop.Token);
        await backend.Asked("p3").Task;
        backend.Release("p2", "a2");
        await backend.Asked("p4").Task;

        // When the run is stopped (Ctrl+C)
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        // Then nothing is left running, and the ended case's sample is on disk for the resumed run
        Assert.Equal(0, backend.Open);
        var folder = Assert.Single(Directory.GetDirectories(temp.Path));
        Assert.Equal(["c2"], SamplesReader.Read(folder).Select(s => s.CaseId));
    }
}
