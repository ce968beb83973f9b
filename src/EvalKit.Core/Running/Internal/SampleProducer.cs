using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>Asks a backend for one case and scores the answer. A failed request becomes an <c>error</c> sample.</summary>
internal static class SampleProducer
{
    public static async Task<SampleRecord> ProduceAsync(
        IModelBackend backend, string model, Suite suite, EvalCase evalCase, IScorer scorer, CancellationToken cancellationToken)
    {
        var (request, sample) = Prepare(model, suite, evalCase);
        if (scorer is ChoiceLogLikelihoodScorer choiceScorer)
            return await LogLikelihoodSampler.ProduceAsync(backend, sample, evalCase, choiceScorer, cancellationToken);
        Completion completion;
        try
        {
            completion = await backend.GenerateAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // One case failing is data about that case, not a reason to stop the run.
            return sample with { Error = $"{ex.GetType().Name}: {ex.Message}", Reason = "generation failed" };
        }
        return Score(sample, evalCase, scorer, completion);
    }

    /// <summary>The request for a case and its sample before generation (labelled <c>error</c> until scored).</summary>
    public static (GenerationRequest Request, SampleRecord Sample) Prepare(string model, Suite suite, EvalCase evalCase)
    {
        var request = RequestBuilder.For(suite, evalCase);
        var sample = new SampleRecord
        {
            Model = model,
            Suite = suite.Id,
            CaseId = evalCase.Id,
            Seed = request.Parameters.Seed,
            Prompt = request.Prompt,
            Messages = request.Messages,
            Tags = evalCase.Tags,
            Label = ScoreLabel.Error,
        };
        return (request, sample);
    }

    public static SampleRecord Score(SampleRecord sample, EvalCase evalCase, IScorer scorer, Completion completion)
    {
        var score = scorer.Score(evalCase, completion.Text);
        return sample with
        {
            RenderedPrompt = completion.RenderedPrompt,
            Completion = completion.Text,
            PromptTokens = completion.PromptTokens,
            CompletionTokens = completion.CompletionTokens,
            TimeToFirstTokenMs = completion.TimeToFirstToken.TotalMilliseconds,
            TotalMs = completion.TotalTime.TotalMilliseconds,
            FinishReason = completion.FinishReason.ToString().ToLowerInvariant(),
            Score = score.Value,
            Label = score.Label,
            Reason = score.Reason,
        };
    }
}
