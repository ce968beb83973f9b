using EvalKit.Core.Backends;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Running.Internal;

/// <summary>Turns a case and its suite's defaults into a backend request.</summary>
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

    /// <summary>The request for one repeat of a case: repeat r samples with the suite's seed + r.</summary>
    public static GenerationRequest For(Suite suite, EvalCase evalCase, int repeat = 0)
    {
        var parameters = Parameters(suite.Defaults);
        parameters = parameters with { Seed = unchecked(parameters.Seed + (uint)repeat) };
        if (evalCase.Prompt is not null)
            return GenerationRequest.Raw(evalCase.Prompt, parameters);
        return GenerationRequest.Chat(Messages(suite, evalCase), parameters);
    }

    public static IReadOnlyList<ChatMessage> Messages(Suite suite, EvalCase evalCase) => suite.ChatMessagesFor(evalCase);
}
