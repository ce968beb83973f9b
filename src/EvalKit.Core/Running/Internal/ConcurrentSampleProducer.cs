using System.Runtime.CompilerServices;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// Produces a model's samples with up to N requests in flight on a backend that takes overlapping requests
/// (<see cref="IConcurrentGeneration"/>): cases are taken in order, cache hits are answered at once, and each
/// request that ends is yielded, and its place taken by the next case, without waiting for the others. Samples
/// therefore come in the order they finish. The in-flight marker names the oldest request still open, so a worker
/// crash is blamed on it, as a group's crash is blamed on its first case.
/// </summary>
internal static class ConcurrentSampleProducer
{
    public static async IAsyncEnumerable<SampleRecord> ProduceAsync(
        ModelSlot model, IModelBackend backend, RunDirectory directory, IReadOnlyList<(Suite Suite, EvalCase Case, int Repeat)> todo,
        IReadOnlyDictionary<string, IScorer> scorers, int parallel, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var inFlight = new List<(string Key, Task<SampleRecord> Sample)>();
        string? marked = null;
        var next = 0;
        try
        {
            while (next < todo.Count || inFlight.Count > 0)
            {
                while (inFlight.Count < parallel && next < todo.Count)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var (suite, evalCase, repeat) = todo[next++];
                    var scorer = scorers[suite.Id];
                    var (request, sample) = SampleProducer.Prepare(model.Name, suite, evalCase, repeat, model.Settings);
                    if (await SampleProducer.FromCacheAsync(model, suite, evalCase, scorer, request, sample, cancellationToken) is { } cached)
                    {
                        yield return cached;
                        continue;
                    }
                    inFlight.Add((sample.Key, SampleProducer.AnswerAsync(model, backend, suite, evalCase, scorer, request, sample, cancellationToken)));
                }
                if (inFlight.Count == 0)
                    continue;
                if (marked != inFlight[0].Key)
                    InflightMarker.Write(directory, marked = inFlight[0].Key);
                var finished = await Task.WhenAny(inFlight.Select(f => f.Sample));
                inFlight.RemoveAt(inFlight.FindIndex(f => f.Sample == finished));
                yield return await finished;
            }
        }
        finally
        {
            // A run that stops early (Ctrl+C, a failed write) still waits for the requests it sent, so none outlives it;
            // what they answered is in the response cache (when one is used) for the resumed run. Their samples are not
            // written, and their own failures must not hide the one that stopped the run.
            foreach (var (_, sample) in inFlight)
            {
                try
                {
                    await sample;
                }
                catch (Exception)
                {
                }
            }
        }
    }
}
