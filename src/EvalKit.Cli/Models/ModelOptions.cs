using EvalKit.Core;
using EvalKit.Core.Backends;

namespace EvalKit.Cli.Models;

/// <summary>
/// <c>run --model-option NAME.KEY=VALUE</c>: per-model settings from the command line, which win over the model's
/// evalkit.yaml entry (which wins over the suite's defaults). An unknown model or key is an error with "did you mean".
/// </summary>
public static class ModelOptions
{
    public const string Option = "--model-option";

    /// <summary>The models with their command-line settings laid over their own.</summary>
    /// <exception cref="EvalKitException">A malformed option, an unknown model or key, or a value out of range.</exception>
    public static IReadOnlyList<ModelSpec> Apply(IReadOnlyList<ModelSpec> models, IReadOnlyList<string> options)
    {
        var byModel = new Dictionary<string, ModelSettings>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var equals = option.IndexOf('=');
            var dot = equals < 0 ? -1 : option.LastIndexOf('.', equals);
            if (dot <= 0 || dot == equals - 1)
                throw Errors.BadOption(Option, option, "Write NAME.KEY=VALUE, e.g. --model-option teacher.temperature=0.6.");
            var name = option[..dot].Trim();
            var key = option[(dot + 1)..equals].Trim();
            if (!models.Any(m => m.Name == name))
                throw ModelSettingKeys.UnknownModel(name, models.Select(m => m.Name), $"{Option} {option}");
            var current = byModel.GetValueOrDefault(name, ModelSettings.None);
            byModel[name] = ModelSettingKeys.Apply(current, key, option[(equals + 1)..], $"{Option} {option}");
        }
        return [.. models.Select(m => byModel.TryGetValue(m.Name, out var cli) ? m with { Settings = cli.Over(m.Settings) } : m)];
    }
}
