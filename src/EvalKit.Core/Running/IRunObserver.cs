using EvalKit.Core.Results;

namespace EvalKit.Core.Running;

/// <summary>
/// Hears what a run is doing as it happens (<see cref="RunRequest.Observer"/>): which cases and judgements are open,
/// and when a model loads. Events come one at a time, in order, from the run's own loop. Keys are sample keys
/// (<see cref="SampleRecord.Key"/>). Every method does nothing unless overridden. The CLI's supervisor uses this to
/// know what to blame when its worker process dies.
/// </summary>
public interface IRunObserver
{
    /// <summary>The run folder is ready (created, or reopened to resume); comes before every other event.</summary>
    void RunStarted(RunDirectory directory)
    {
    }

    /// <summary>A case is taken up, before its response-cache lookup.</summary>
    void CaseStarted(string sampleKey)
    {
    }

    /// <summary>The case's sample is ready (from the cache, the model, or as a failed sample).</summary>
    void CaseFinished(string sampleKey)
    {
    }

    /// <summary>A model (or judge) is being loaded; a crash now is the model's fault, not an open case's.</summary>
    void ModelLoading(string model)
    {
    }

    /// <summary>The model that <see cref="ModelLoading"/> named is loaded.</summary>
    void ModelLoaded(string model)
    {
    }

    /// <summary>A judge starts grading the sample with this key.</summary>
    void JudgingStarted(string sampleKey)
    {
    }

    /// <summary>The judge's verdict on the sample with this key is written.</summary>
    void JudgingFinished(string sampleKey)
    {
    }

    /// <summary>
    /// Generation (or judging) is over for the whole run: nothing is open, and nothing is until the next start.
    /// </summary>
    void PhaseEnded()
    {
    }
}
