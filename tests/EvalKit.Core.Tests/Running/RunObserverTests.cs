using EvalKit.Core.Backends;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

/// <summary>What a run tells its <see cref="IRunObserver"/>: the events a supervisor blames crashes by.</summary>
public sealed class RunObserverTests
{
    private static readonly Suite Sums = new()
    {
        Id = "sums",
        Kind = SuiteKind.Accuracy,
        Digest = "d",
        Cases = [.. Enumerable.Range(1, 5).Select(i => new EvalCase { Id = $"s{i}", Prompt = $"{i}+{i}", Expected = [(2 * i).ToString()] })],
    };

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Every_case_is_started_before_its_answer_and_finished_after_it_and_the_model_loads_in_between(int parallel)
    {
        // Given a scripted model and an observer
        using var temp = new TempDir();
        var backend = new ScriptedBackend("m", Sums.Cases.ToDictionary(c => c.Prompt!, c => c.Expected[0]));
        var observer = new RecordingRunObserver();

        // When the suite runs with this many requests in flight
        var result = await new EvaluationRunner(new ScriptedBackendFactory(new() { ["m"] = backend })).RunAsync(new RunRequest
        {
            Suites = [Sums], Models = [new ModelSpec("m", "m")], ResultsRoot = temp.Path, Parallel = parallel, Observer = observer,
        });

        // Then the run folder comes first, the first case is taken up before the model loads, and it loads once
        var events = observer.Events.ToList();
        Assert.Equal("run " + result.Directory.RunId, events[0]);
        Assert.Equal("started m\u001fsums\u001fs1\u001f0", events[1]);
        Assert.Equal(["loading m", "loaded m"], events.Where(e => e.StartsWith("load", StringComparison.Ordinal)));
        Assert.True(events.IndexOf("loaded m") < events.IndexOf("finished m\u001fsums\u001fs1\u001f0"));

        // And every case was started in case order and finished once, never more than N open at a time, and the run
        // ended with generation and judging over and nothing open
        Assert.Equal(Sums.Cases.Select(c => $"started m\u001fsums\u001f{c.Id}\u001f0"), events.Where(e => e.StartsWith("started ", StringComparison.Ordinal)));
        Assert.Equal(Sums.Cases.Count, events.Count(e => e.StartsWith("finished ", StringComparison.Ordinal)));
        var open = 0;
        foreach (var e in events)
        {
            open += e.StartsWith("started ", StringComparison.Ordinal) ? 1 : e.StartsWith("finished ", StringComparison.Ordinal) ? -1 : 0;
            Assert.InRange(open, 0, parallel);
        }
        Assert.Empty(observer.StillOpen());
        Assert.Equal(["phase ended", "phase ended"], events.TakeLast(2));
    }
}
