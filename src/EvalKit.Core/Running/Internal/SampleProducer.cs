using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// Answers one case, from the response cache when it holds the answer, else from the model, and scores it.
/// A failed request becomes an <c>error</c> sample and is never cached. <c>choice_loglik</c> cases ask the model
/// for log-probabilities instead (<see cref="LogLikelihoodSampler"/>).
/// </summary>
internal static class SampleProducer
{
    public static async Task<SampleRecord> ProduceAsync(
        ModelSlot model, Suite suite, EvalCase evalCase, int repeat, IScorer scorer, CancellationToken cancellationToken)
    {
        var (request, sample) = Prepare(model.Name, suite, evalCase, repeat, model.Settings);
        return await FromCacheAsync(model, suite, evalCase, scorer, request, sample, cancellationToken)
            ?? await AnswerAsync(model, await model.BackendAsync(cancellationToken), suite, evalCase, scorer, request, sample, cancellationToken);
    }

    /// <summary>The scored sample when the response cache holds the answer; null otherwise, and always for log-likelihood cases (never cached).</summary>
    public static async Task<SampleRecord?> FromCacheAsync(
        ModelSlot model, Suite suite, EvalCase evalCase, IScorer scorer, GenerationRequest request, SampleRecord sample, CancellationToken cancellationToken) =>
        scorer is not ChoiceLogLikelihoodScorer && await model.LookUpAsync(request, cancellationToken) is { } hit
            ? Scored(sample, suite, evalCase, scorer, hit.Completion) with { Cached = true }
            : null;

    /// <summary>Asks the loaded backend for a case the cache did not answer, stores a successful completion and scores it.</summary>
    public static async Task<SampleRecord> AnswerAsync(
        ModelSlot model, IModelBackend backend, Suite suite, EvalCase evalCase, IScorer scorer, GenerationRequest request, SampleRecord sample,
        CancellationToken cancellationToken)
    {
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
        model.Store(request, completion);
        return Scored(sample, suite, evalCase, scorer, completion);
    }

    /// <summary>The request for a case and its sample before generation (labelled <c>error</c> until scored).</summary>
    public static (GenerationRequest Request, SampleRecord Sample) Prepare(
        string model, Suite suite, EvalCase evalCase, int repeat, ModelSettings? settings = null)
    {
        var request = RequestBuilder.For(suite, evalCase, repeat, settings);
        var sample = new SampleRecord
        {
            Model = model,
            Suite = suite.Id,
            CaseId = evalCase.Id,
            Repeat = repeat,
            Seed = request.Parameters.Seed,
            Prompt = request.Prompt,
            Messages = request.Messages,
            Tags = evalCase.Tags,
            Choices = evalCase.Choices.Count > 0 ? evalCase.Choices : null,
            Label = ScoreLabel.Error,
        };
        return (request, sample);
    }

    /// <summary>Scores a completion (after splitting off reasoning) into the prepared sample.</summary>
    public static SampleRecord Scored(SampleRecord sample, Suite suite, EvalCase evalCase, IScorer scorer, Completion completion)
    {
        var (score, split, suppressed) = AnswerScoring.Score(suite, evalCase, scorer, completion);
        var (reasoningTokens, answerTokens, firstAnswerMs) = split is null ? default : AnswerTiming.Of(split, completion);
        return sample with
        {
            RenderedPrompt = completion.RenderedPrompt,
            Completion = completion.Text,
            PromptTokens = completion.PromptTokens,
            CompletionTokens = completion.CompletionTokens,
            TokenCountsEstimated = completion.TokenCountsEstimated ? true : null,
            TimeToFirstTokenMs = completion.TimeToFirstToken.TotalMilliseconds,
            TotalMs = completion.TotalTime.TotalMilliseconds,
            FinishReason = completion.FinishReason == Backends.FinishReason.LengthCapped ? "length_capped" : completion.FinishReason.ToString().ToLowerInvariant(),
            Score = score.Value,
            Label = score.Label,
            Reason = score.Reason,
            Extracted = score.Extracted,
            ReasoningState = split?.State,
            Reasoning = split is { Reasoning.Length: > 0 } ? split.Reasoning : null,
            ReasoningChars = split?.Reasoning.Length,
            AnswerChars = split?.Answer.Length,
            ReasoningTokens = reasoningTokens,
            AnswerTokens = answerTokens,
            TimeToFirstAnswerTokenMs = firstAnswerMs,
            ThoughtSuppressed = suppressed,
        };
    }
}
