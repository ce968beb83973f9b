using System.Runtime.CompilerServices;
using EvalKit.Core.Backends;
using EvalKit.Core.Requests;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// Produces a model's samples with up to N requests in flight, for every backend: cases are taken in order, and each
/// request that ends is yielded, its place taken by the next case, without waiting for the others (a backend batches
/// whatever is in flight; a local model decodes it in one continuous loop). Samples therefore come in the order they
/// finish; the runner puts the file in case order at the end. The suite's request kind chooses the path:
/// <c>generate</c> asks the (decorated) backend for a completion, which a response cache in front of it may answer at
/// once; <c>loglik_choices</c> asks for each choice's log-probability (<see cref="LogLikelihoodSampler"/>). A failed
/// request becomes an <c>error</c> sample. The observer hears each case start (before its request, which a cache may
/// answer) and finish, so a supervisor can blame a worker crash on the oldest case still open.
/// </summary>
internal static class SampleProducer
{
    public static async IAsyncEnumerable<SampleRecord> ProduceAsync(
        LazyBackend model, IModelBackend backend, IRunObserver observer, IReadOnlyList<(Suite Suite, EvalCase Case, int Repeat)> todo,
        IReadOnlyDictionary<string, IScorer> scorers, int parallel, TimeProvider clock, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var inFlight = new List<(string Key, Task<SampleRecord> Sample)>();
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
                    var (request, sample) = Prepare(model.Spec.Name, suite, evalCase, repeat, model.Spec.Settings);
                    observer.CaseStarted(sample.Key);
                    var answer = suite.Asks switch
                    {
                        RequestKind.LogLikelihoodChoices =>
                            LogLikelihoodSampler.ProduceAsync(backend, model, sample, evalCase, (ILogLikelihoodChoicesScorer)scorer, clock, cancellationToken),
                        _ => GenerateAsync(backend, model, suite, evalCase, scorer, request, sample, cancellationToken),
                    };
                    // Until the model is loaded, one request at a time: a cache lookup (the model's identity may mean
                    // hashing its file) or the load itself ends before the next case is taken.
                    if (model.Loaded is null)
                        await Task.WhenAny(answer, model.WhenLoaded);
                    // An answer the response cache already held is written at once.
                    if (answer.IsCompletedSuccessfully && answer.Result.Cached)
                    {
                        observer.CaseFinished(sample.Key);
                        yield return answer.Result;
                        continue;
                    }
                    inFlight.Add((sample.Key, answer));
                }
                if (inFlight.Count == 0)
                    continue;
                var finished = await Task.WhenAny(inFlight.Select(f => f.Sample));
                var index = inFlight.FindIndex(f => f.Sample == finished);
                observer.CaseFinished(inFlight[index].Key);
                inFlight.RemoveAt(index);
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

    /// <summary>Asks the backend (or a cache in front of it) for a completion and scores it.</summary>
    private static async Task<SampleRecord> GenerateAsync(
        IModelBackend backend, LazyBackend model, Suite suite, EvalCase evalCase, IScorer scorer, GenerationRequest request, SampleRecord sample,
        CancellationToken cancellationToken)
    {
        Completion completion;
        try
        {
            completion = await backend.GenerateAsync(request, cancellationToken);
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && !model.StopsTheRun(ex))
        {
            // One case failing is data about that case, not a reason to stop the run.
            return sample with { Error = $"{ex.GetType().Name}: {ex.Message}", Reason = "generation failed" };
        }
        return Scored(sample, suite, evalCase, scorer, completion) with { Cached = completion.Cached };
    }

    /// <summary>The request for a case and its sample before generation (labelled <c>error</c> until scored).</summary>
    private static (GenerationRequest Request, SampleRecord Sample) Prepare(
        string model, Suite suite, EvalCase evalCase, int repeat, ModelSettings? settings)
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
    private static SampleRecord Scored(SampleRecord sample, Suite suite, EvalCase evalCase, IScorer scorer, Completion completion)
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
