using System.Diagnostics;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>
/// A <c>choice_loglik</c> case: asks the backend's <see cref="ILogLikelihood"/> for each choice's log-probability
/// instead of generating, and records them. A backend without the capability gives a failed sample that says so.
/// </summary>
internal static class LogLikelihoodSampler
{
    public static async Task<SampleRecord> ProduceAsync(
        IModelBackend backend, SampleRecord sample, EvalCase evalCase, ChoiceLogLikelihoodScorer scorer, CancellationToken cancellationToken)
    {
        if (backend is not ILogLikelihood model)
            return sample with
            {
                Error = $"The {backend.Info.Backend} backend of model '{sample.Model}' cannot compute log-probabilities.",
                Reason = $"scorer '{scorer.Name}' needs a backend with log-likelihoods (a local GGUF model, or an endpoint declared with logprobs: true in evalkit.yaml); scorer 'choice' grades a generated letter with any backend",
            };
        if (evalCase.Prompt is null)
            return sample with { Error = $"Case '{evalCase.Id}' has chat messages; scorer '{scorer.Name}' needs a raw prompt.", Reason = "not scorable" };

        var clock = Stopwatch.StartNew();
        var continuations = ChoiceLogLikelihoodScorer.Continuations(evalCase);
        var results = new List<LogLikelihoodResult>(continuations.Count);
        try
        {
            foreach (var continuation in continuations)
                results.Add(await model.LogLikelihoodAsync(evalCase.Prompt, continuation, cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return sample with { Error = $"{ex.GetType().Name}: {ex.Message}", Reason = "log-likelihood failed" };
        }

        var (acc, accNorm) = scorer.Score(evalCase, results);
        var best = Enumerable.Range(0, results.Count).MaxBy(i => results[i].LogProbability);
        return sample with
        {
            RenderedPrompt = evalCase.Prompt,
            Completion = evalCase.Choices[best],
            CompletionTokens = results.Sum(r => r.TokenCount),
            TotalMs = clock.Elapsed.TotalMilliseconds,
            Score = acc.Value,
            Label = acc.Label,
            Reason = acc.Reason,
            Extracted = acc.Extracted,
            AccNorm = accNorm.Label == ScoreLabel.Unknown ? null : accNorm.Value,
            ChoiceLogLikelihoods = [.. results.Select((r, i) => new ChoiceLogLikelihood
            {
                Letter = ((char)('A' + i)).ToString(),
                Continuation = continuations[i],
                LogProbability = r.LogProbability,
                Tokens = r.TokenCount,
                Characters = ChoiceLogLikelihoodScorer.Characters(evalCase.Choices[i]),
                IsGreedy = r.IsGreedy,
            })],
        };
    }
}
