using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>Reads the <c>defaults</c> section into <see cref="GenerationDefaults"/>.</summary>
internal static class DefaultsBuilder
{
    private static readonly string[] _keys = ["system", "max_tokens", "temperature", "top_p", "seed", "stop", "reasoning"];

    public static GenerationDefaults Build(YamlNode node, DiagnosticBag bag)
    {
        var result = new GenerationDefaults();
        if (YamlFields.Read(node, "defaults", _keys, bag) is not { } fields)
            return result;
        if (fields.Optional("system") is { } system)
            result = result with { System = YamlValues.Text(system, "system", bag) };
        if (fields.Optional("max_tokens") is { } maxTokens && YamlValues.PositiveInt(maxTokens, "max_tokens", bag) is { } tokens)
            result = result with { MaxTokens = tokens };
        if (fields.Optional("temperature") is { } temperature
            && YamlValues.Number(temperature, "temperature", t => t >= 0, "0 or more", bag) is { } t)
            result = result with { Temperature = t };
        if (fields.Optional("top_p") is { } topP
            && YamlValues.Number(topP, "top_p", p => p > 0 && p <= 1, "above 0 and at most 1", bag) is { } p)
            result = result with { TopP = p };
        if (fields.Optional("seed") is { } seed && YamlValues.UnsignedInt(seed, "seed", bag) is { } s)
            result = result with { Seed = s };
        if (fields.Optional("stop") is { } stop && YamlValues.TextList(stop, "stop", single: true, bag) is { } stops)
        {
            if (stops.Count == 0)
                bag.Add(stop, "'stop' must not be an empty list", "leave 'stop' out for no stop strings, or give at least one");
            else if (stops.Any(x => x.Length == 0))
                bag.Add(stop, "'stop' strings must not be empty", "remove the empty entry");
            result = result with { Stop = stops };
        }
        if (fields.Optional("reasoning") is { } reasoning)
            result = result with { Reasoning = ReasoningBuilder.Build(reasoning, bag) };
        return result;
    }
}
