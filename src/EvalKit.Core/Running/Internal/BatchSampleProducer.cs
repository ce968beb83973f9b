using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// Produces the samples of a group of cases, in case order. When the backend can batch (<see cref="IBatchGeneration"/>),
/// the group's generation cases go to it in one call; if that call fails (one prompt too long, say), those cases are
/// retried one at a time so each gets its own result or error. Log-likelihood cases always go one at a time.
/// </summary>
internal static class BatchSampleProducer
{
    public static async Task<IReadOnlyList<SampleRecord>> ProduceAsync(
        IModelBackend backend, string model, IReadOnlyList<(Suite Suite, EvalCase Case)> group,
        IReadOnlyDictionary<string, IScorer> scorers, CancellationToken cancellationToken)
    {
        var samples = new SampleRecord?[group.Count];
        var batchable = Enumerable.Range(0, group.Count).Where(i => scorers[group[i].Suite.Id] is not ChoiceLogLikelihoodScorer).ToList();
        if (backend is IBatchGeneration batcher && batchable.Count > 1)
        {
            var prepared = batchable.Select(i => SampleProducer.Prepare(model, group[i].Suite, group[i].Case)).ToList();
            try
            {
                var completions = await batcher.GenerateBatchAsync([.. prepared.Select(p => p.Request)], cancellationToken);
                for (var k = 0; k < batchable.Count; k++)
                {
                    var (suite, evalCase) = group[batchable[k]];
                    samples[batchable[k]] = SampleProducer.Score(prepared[k].Sample, evalCase, scorers[suite.Id], completions[k]);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                Array.Clear(samples);
            }
        }
        for (var i = 0; i < group.Count; i++)
        {
            var (suite, evalCase) = group[i];
            samples[i] ??= await SampleProducer.ProduceAsync(backend, model, suite, evalCase, scorers[suite.Id], cancellationToken);
        }
        return samples!;
    }
}
