using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// Produces the samples of a group of cases, in case order. Answers in the response cache come from it; when the
/// backend can batch (<see cref="IBatchGeneration"/>), the remaining generation cases go to it in one call, scored
/// as <see cref="SampleProducer"/> scores. If that call fails (one prompt too long, say), those cases are retried one
/// at a time so each gets its own result or error. Log-likelihood cases always go one at a time.
/// </summary>
internal static class BatchSampleProducer
{
    public static async Task<IReadOnlyList<SampleRecord>> ProduceAsync(
        ModelSlot model, RunDirectory directory, IReadOnlyList<(Suite Suite, EvalCase Case, int Repeat)> group,
        IReadOnlyDictionary<string, IScorer> scorers, CancellationToken cancellationToken)
    {
        var samples = new SampleRecord?[group.Count];
        if (group.Count > 1)
            await GenerateTogetherAsync(model, directory, group, scorers, samples, cancellationToken);
        for (var i = 0; i < group.Count; i++)
        {
            if (samples[i] is not null)
                continue;
            var (suite, evalCase, repeat) = group[i];
            InflightMarker.Write(directory, SampleRecord.KeyOf(model.Name, suite.Id, evalCase.Id, repeat));
            samples[i] = await SampleProducer.ProduceAsync(model, suite, evalCase, repeat, scorers[suite.Id], cancellationToken);
        }
        return samples!;
    }

    // Fills the samples it can: cache hits, then the misses in one batch. Whatever stays null goes one at a time.
    private static async Task GenerateTogetherAsync(
        ModelSlot model, RunDirectory directory, IReadOnlyList<(Suite Suite, EvalCase Case, int Repeat)> group,
        IReadOnlyDictionary<string, IScorer> scorers, SampleRecord?[] samples, CancellationToken cancellationToken)
    {
        var misses = new List<(int Index, GenerationRequest Request, SampleRecord Sample)>();
        for (var i = 0; i < group.Count; i++)
        {
            var (suite, evalCase, repeat) = group[i];
            if (scorers[suite.Id] is ChoiceLogLikelihoodScorer)
                continue;
            var (request, sample) = SampleProducer.Prepare(model.Name, suite, evalCase, repeat, model.Settings);
            samples[i] = await SampleProducer.FromCacheAsync(model, suite, evalCase, scorers[suite.Id], request, sample, cancellationToken);
            if (samples[i] is null)
                misses.Add((i, request, sample));
        }
        if (misses.Count < 2 || await model.BackendAsync(cancellationToken) is not IBatchGeneration batcher)
            return;

        // A crash inside the batch is blamed on its first case; the others are retried with it.
        var first = group[misses[0].Index];
        InflightMarker.Write(directory, SampleRecord.KeyOf(model.Name, first.Suite.Id, first.Case.Id, first.Repeat));
        IReadOnlyList<Completion> completions;
        try
        {
            completions = await batcher.GenerateBatchAsync([.. misses.Select(m => m.Request)], cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return;
        }
        for (var k = 0; k < misses.Count; k++)
        {
            var (index, request, sample) = misses[k];
            var (suite, evalCase, _) = group[index];
            model.Store(request, completions[k]);
            samples[index] = SampleProducer.Scored(sample, suite, evalCase, scorers[suite.Id], completions[k]);
        }
    }
}
