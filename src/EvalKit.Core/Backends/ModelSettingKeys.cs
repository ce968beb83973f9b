using System.Globalization;
using EvalKit.Core.Internal;

namespace EvalKit.Core.Backends;

/// <summary>
/// The per-model setting keys, spelled alike in evalkit.yaml and in <c>run --model-option NAME.KEY=VALUE</c>, each
/// checked in one place; an unknown key or model name gets "did you mean".
/// </summary>
public static class ModelSettingKeys
{
    public static IReadOnlyList<string> All { get; } = ["temperature", "top_p", "max_tokens", "system_prompt", "reasoning", "stop", "api"];

    /// <summary><paramref name="settings"/> with <paramref name="key"/> set from <paramref name="value"/> (<c>stop</c> adds one string).</summary>
    /// <exception cref="EvalKitException">An unknown key, or a value out of range; <paramref name="origin"/> names where it was written.</exception>
    public static ModelSettings Apply(ModelSettings settings, string key, string value, string origin)
    {
        var text = value.Trim();
        return key switch
        {
            "temperature" => settings with { Temperature = Number(text, t => t >= 0 && t <= 2, "a number from 0 to 2", origin) },
            "top_p" => settings with { TopP = Number(text, p => p > 0 && p <= 1, "a number above 0 and at most 1", origin) },
            "max_tokens" => settings with
            {
                MaxTokens = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                    ? n : throw Errors.BadOption(origin, value, "max_tokens must be a whole number greater than 0."),
            },
            "system_prompt" => settings with { SystemPrompt = Flag(text, origin) },
            "reasoning" => settings with { Reasoning = Flag(text, origin) },
            "stop" => settings with
            {
                Stop = value.Length > 0 ? [.. settings.Stop ?? [], value] : throw Errors.BadOption(origin, value, "A stop string must not be empty."),
            },
            "api" => settings with
            {
                Api = Enum.TryParse<ModelApi>(text, ignoreCase: true, out var api) && Enum.IsDefined(api)
                    ? api : throw Errors.BadOption(origin, value, "api is one of: chat (chat messages only), completions (raw prompts only), any."),
            },
            _ => throw UnknownKey(key, origin),
        };
    }

    public static EvalKitException UnknownKey(string key, string origin) => new(
        $"Unknown model setting '{key}' in {origin}.{Suggestions.DidYouMean(key, All)}",
        $"Model settings: {string.Join(", ", All)}.");

    public static EvalKitException UnknownModel(string name, IEnumerable<string> models, string origin) => new(
        $"{origin} names model '{name}', which is not one of the run's models.{Suggestions.DidYouMean(name, models)}",
        $"The run's models: {string.Join(", ", models)}. Write NAME.KEY=VALUE, e.g. {Setting.ModelOption} teacher.temperature=0.6.");

    private static float Number(string text, Func<double, bool> allowed, string expected, string origin) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) && allowed(number)
            ? (float)number
            : throw Errors.BadOption(origin, text, $"Expected {expected}.");

    private static bool Flag(string text, string origin) => text.ToLowerInvariant() switch
    {
        "true" or "on" or "yes" => true,
        "false" or "off" or "no" => false,
        _ => throw Errors.BadOption(origin, text, "Expected true or false."),
    };
}
