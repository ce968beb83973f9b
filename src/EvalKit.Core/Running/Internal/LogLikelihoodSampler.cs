using EvalKit.Core.Backends;
using EvalKit.Core.Requests;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// A <c>loglik_choices</c> case: asks the backend (<see cref="ILogLikelihood"/>) for each choice's log-probability
/// instead of generating, and records them with the scorer's grades. The run validator refuses a model known to lack
/// the capability before anything loads; one found lacking it only once loaded gives a failed sample that says so.
/// </summary>
internal static class LogLikelihoodSampler
{
    public static async Task<SampleRecord> ProduceAsync(
        IModelBackend backend, LazyBackend model, SampleRecord sample, EvalCase evalCase, ILogLikelihoodChoicesScorer scorer, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (backend is not ILogLikelihood logLikelihood || !backend.Capabilities.HasFlag(BackendCapabilities.LogLikelihood))
            return Unsupported(backend, sample, scorer);
        if (RequestBuilder.Choices(evalCase) is not { } request)
            return sample with { Error = $"Case '{evalCase.Id}' has chat messages; scorer '{scorer.Name}' needs a raw prompt.", Reason = "not scorable" };

        LogLikelihoodChoicesResponse response;
        try
        {
            response = await AskAsync(logLikelihood, request, clock, cancellationToken);
        }
        catch (NotSupportedException ex) when (!model.StopsTheRun(ex))
        {
            // A backend loaded on first use (LazyBackend) finds out only then.
            return Unsupported(backend, sample, scorer);
        }
        catch (Exception ex) when ((ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested) && !model.StopsTheRun(ex))
        {
            return sample with { Error = $"{ex.GetType().Name}: {ex.Message}", Reason = "log-likelihood failed" };
        }

        var (acc, accNorm) = scorer.Score(evalCase, response);
        var results = response.Choices;
        var best = Enumerable.Range(0, results.Count).MaxBy(i => results[i].LogProbability);
        return sample with
        {
            RenderedPrompt = request.Context,
            Completion = evalCase.Choices[best],
            CompletionTokens = results.Sum(r => r.TokenCount),
            TotalMs = response.Elapsed.TotalMilliseconds,
            Score = acc.Value,
            Label = acc.Label,
            Reason = acc.Reason,
            Extracted = acc.Extracted,
            AccNorm = accNorm.Label == ScoreLabel.Unknown ? null : accNorm.Value,
            ChoiceLogLikelihoods = [.. results.Select((r, i) => new ChoiceLogLikelihood
            {
                Letter = ((char)('A' + i)).ToString(),
                Continuation = request.Continuations[i],
                LogProbability = r.LogProbability,
                Tokens = r.TokenCount,
                Characters = ChoiceLogLikelihoodScorer.Characters(evalCase.Choices[i]),
                IsGreedy = r.IsGreedy,
            })],
        };
    }

    private static SampleRecord Unsupported(IModelBackend backend, SampleRecord sample, IScorer scorer) => sample with
    {
        Error = $"The {backend.Info.Backend} backend of model '{sample.Model}' cannot compute log-probabilities.",
        Reason = $"scorer '{scorer.Name}' needs a backend with log-likelihoods (a local GGUF model, or an endpoint declared with logprobs: true in evalkit.yaml); scorer 'choice' grades a generated letter with any backend",
    };

    private static async Task<LogLikelihoodChoicesResponse> AskAsync(
        ILogLikelihood model, LogLikelihoodChoicesRequest request, TimeProvider clock, CancellationToken cancellationToken)
    {
        var started = clock.GetTimestamp();
        var results = new List<LogLikelihoodResult>(request.Continuations.Count);
        foreach (var continuation in request.Continuations)
            results.Add(await model.LogLikelihoodAsync(request.Context, continuation, cancellationToken));
        return new LogLikelihoodChoicesResponse(results, clock.GetElapsedTime(started));
    }
}
