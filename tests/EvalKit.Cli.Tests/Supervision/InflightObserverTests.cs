using EvalKit.Cli.Supervision;
using EvalKit.Core.Results;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests.Supervision;

/// <summary>The in-flight marker the worker keeps from the run's events, read back from the run folder.</summary>
public sealed class InflightObserverTests
{
    [Fact]
    public void The_marker_names_the_oldest_open_case_is_gone_while_a_model_loads_and_is_removed_when_a_phase_ends()
    {
        // Given a run folder and its observer
        using var temp = new TempDir();
        var directory = RunDirectory.CreateAt(temp.File("run"));
        var observer = new InflightObserver();
        observer.RunStarted(directory);

        // When a first case starts, the model loads for it, and a second case starts while it is open
        observer.CaseStarted("a");
        Assert.Equal("a", InflightMarker.Read(directory));
        observer.ModelLoading("m");
        Assert.Null(InflightMarker.Read(directory));
        observer.ModelLoaded("m");
        Assert.Equal("a", InflightMarker.Read(directory));
        observer.CaseStarted("b");

        // Then the oldest open case is named until it finishes, and the last one stays named after it finishes
        Assert.Equal("a", InflightMarker.Read(directory));
        observer.CaseFinished("a");
        Assert.Equal("b", InflightMarker.Read(directory));
        observer.CaseFinished("b");
        Assert.Equal("b", InflightMarker.Read(directory));
        observer.PhaseEnded();
        Assert.Null(InflightMarker.Read(directory));

        // And a judge loading names nothing; a judgement is named as one
        observer.ModelLoading("judge");
        observer.ModelLoaded("judge");
        Assert.Null(InflightMarker.Read(directory));
        observer.JudgingStarted("b");
        Assert.Equal("b", InflightMarker.JudgedSample(InflightMarker.Read(directory)!));
        observer.JudgingFinished("b");
        observer.PhaseEnded();
        Assert.False(File.Exists(Path.Combine(directory.Path, InflightMarker.FileName)));
    }
}
