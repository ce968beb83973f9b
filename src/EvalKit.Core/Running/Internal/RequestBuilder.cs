using EvalKit.Core.Backends;
using EvalKit.Core.Requests;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>Turns a case and its suite's defaults into the typed request of the suite's <see cref="Suite.Asks"/> kind.</summary>
internal static class RequestBuilder
{
    public static GenerationParameters Parameters(GenerationDefaults defaults) => new()
    {
        MaxTokens = defaults.MaxTokens,
        Temperature = defaults.Temperature,
        TopP = defaults.TopP,
        Seed = defaults.Seed,
        Stop = defaults.Stop,
    };

    /// <summary>
    /// The request for one repeat of a case: repeat r samples with the suite's seed + r. The model's own settings
    /// override the suite's defaults (see docs/remote.md, "Per-model settings").
    /// </summary>
    public static GenerationRequest For(Suite suite, EvalCase evalCase, int repeat = 0, ModelSettings? model = null)
    {
        var parameters = Parameters(suite.Defaults);
        parameters = parameters with { Seed = unchecked(parameters.Seed + (uint)repeat) };
        if (model is not null)
        {
            parameters = parameters with
            {
                Temperature = model.Temperature ?? parameters.Temperature,
                TopP = model.TopP ?? parameters.TopP,
                MaxTokens = model.MaxTokens ?? parameters.MaxTokens,
                Stop = model.Stop ?? parameters.Stop,
                Reasoning = model.Reasoning,
            };
        }
        if (!suite.SendsAsChat(evalCase))
            return GenerationRequest.Raw(evalCase.Prompt!, parameters);
        return GenerationRequest.Chat(suite.ChatMessagesFor(evalCase, withSystem: model?.SystemPrompt ?? true), parameters);
    }

    /// <summary>The <c>loglik_choices</c> request of a case: its raw prompt and each choice as a continuation; null for a chat case (no raw prompt to continue).</summary>
    public static LogLikelihoodChoicesRequest? Choices(EvalCase evalCase) =>
        evalCase.Prompt is null ? null : new(evalCase.Prompt, ChoiceLogLikelihoodScorer.Continuations(evalCase));
}
