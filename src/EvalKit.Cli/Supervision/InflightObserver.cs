using EvalKit.Core.Results;
using EvalKit.Core.Running;

namespace EvalKit.Cli.Supervision;

/// <summary>
/// The worker's side of crash isolation: keeps <see cref="InflightMarker"/> naming the oldest case (or the judgement)
/// still open, so <see cref="CrashLedger"/> can blame a crash on it. The marker is removed while a model loads (a crash
/// then is the model's fault) and put back once it has loaded, and removed when a phase ends. When every open case
/// has finished the marker is left as it is until the next case starts.
/// </summary>
public sealed class InflightObserver : IRunObserver
{
    private readonly Lock _lock = new();
    private readonly List<string> _open = [];
    private RunDirectory? _directory;
    private string? _marked;

    public void RunStarted(RunDirectory directory)
    {
        lock (_lock)
            _directory = directory;
    }

    public void CaseStarted(string sampleKey) => Open(sampleKey);

    public void CaseFinished(string sampleKey) => Close(sampleKey);

    public void JudgingStarted(string sampleKey) => Open(InflightMarker.JudgingKey(sampleKey));

    public void JudgingFinished(string sampleKey) => Close(InflightMarker.JudgingKey(sampleKey));

    public void ModelLoading(string model)
    {
        lock (_lock)
            Clear();
    }

    public void ModelLoaded(string model)
    {
        lock (_lock)
        {
            if (_open.Count > 0)
                Mark(_open[0]);
        }
    }

    public void PhaseEnded()
    {
        lock (_lock)
        {
            _open.Clear();
            Clear();
        }
    }

    private void Open(string key)
    {
        lock (_lock)
        {
            _open.Add(key);
            Mark(_open[0]);
        }
    }

    private void Close(string key)
    {
        lock (_lock)
        {
            _open.Remove(key);
            if (_open.Count > 0)
                Mark(_open[0]);
        }
    }

    private void Mark(string key)
    {
        if (_marked == key || _directory is null)
            return;
        InflightMarker.Write(_directory, key);
        _marked = key;
    }

    private void Clear()
    {
        if (_directory is not null)
            InflightMarker.Clear(_directory);
        _marked = null;
    }
}
