using EvalKit.Core.Results;
using EvalKit.Core.Running;

namespace EvalKit.TestSupport;

/// <summary>An <see cref="IRunObserver"/> that writes down every event, as "started KEY", "loading MODEL", ...</summary>
public sealed class RecordingRunObserver : IRunObserver
{
    private readonly Lock _lock = new();
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_lock)
                return [.. _events];
        }
    }

    /// <summary>Cases and judgements started and not finished, in start order.</summary>
    public IReadOnlyList<string> StillOpen()
    {
        var open = new List<string>();
        foreach (var e in Events)
        {
            if (e.StartsWith("started ", StringComparison.Ordinal) || e.StartsWith("judging ", StringComparison.Ordinal))
                open.Add(e[(e.IndexOf(' ') + 1)..]);
            else if (e.StartsWith("finished ", StringComparison.Ordinal) || e.StartsWith("judged ", StringComparison.Ordinal))
                open.Remove(e[(e.IndexOf(' ') + 1)..]);
        }
        return open;
    }

    public void RunStarted(RunDirectory directory) => Add("run " + directory.RunId);

    public void CaseStarted(string sampleKey) => Add("started " + sampleKey);

    public void CaseFinished(string sampleKey) => Add("finished " + sampleKey);

    public void ModelLoading(string model) => Add("loading " + model);

    public void ModelLoaded(string model) => Add("loaded " + model);

    public void JudgingStarted(string sampleKey) => Add("judging " + sampleKey);

    public void JudgingFinished(string sampleKey) => Add("judged " + sampleKey);

    public void PhaseEnded() => Add("phase ended");

    private void Add(string e)
    {
        lock (_lock)
            _events.Add(e);
    }
}
