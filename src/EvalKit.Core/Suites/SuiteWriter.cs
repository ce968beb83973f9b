using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace EvalKit.Core.Suites;

/// <summary>
/// Writes a suite as a YAML file that <see cref="SuiteLoader"/> reads back to the same suite (used by
/// <c>evalkit import</c>). Strings that YAML would read as something else (<c>yes</c>, <c>null</c>, <c>1.0</c>) are quoted.
/// </summary>
public static class SuiteWriter
{
    private static readonly ISerializer _serializer = new SerializerBuilder()
        .WithQuotingNecessaryStrings()
        .DisableAliases()
        .WithEventEmitter(next => new CarriageReturnQuoting(next))
        .Build();

    public static string ToYaml(Suite suite)
    {
        var root = new OrderedDictionary<string, object>
        {
            ["id"] = suite.Id,
            ["kind"] = suite.Kind.ToString().ToLowerInvariant(),
        };
        if (suite.Description.Length > 0)
            root["description"] = suite.Description;
        if (Defaults(suite.Defaults) is { Count: > 0 } defaults)
            root["defaults"] = defaults;
        if (suite.Format is { } format)
            root["format"] = format.ToString().ToLowerInvariant();
        if (suite.FewShot is { } fewShot)
            root["fewshot"] = new OrderedDictionary<string, object> { ["k"] = fewShot.K, ["seed"] = fewShot.Seed, ["source"] = fewShot.Source };
        root["scorer"] = Scorer(suite.Scorer);
        root["cases"] = suite.Cases.Select(Case).ToList();
        return _serializer.Serialize(root);
    }

    private static object Scorer(ScorerSpec spec)
    {
        if (spec.Options.Count == 0)
            return spec.Type;
        var map = new OrderedDictionary<string, object> { ["type"] = spec.Type };
        foreach (var (name, value) in spec.Options)
            map[name] = value;
        return map;
    }

    private static OrderedDictionary<string, object> Case(EvalCase evalCase)
    {
        var map = new OrderedDictionary<string, object> { ["id"] = evalCase.Id };
        if (evalCase.Prompt is not null)
            map["prompt"] = evalCase.Prompt;
        if (evalCase.Messages is not null)
            map["messages"] = evalCase.Messages.Select(m => new OrderedDictionary<string, object> { ["role"] = m.Role, ["content"] = m.Content }).ToList();
        if (evalCase.Expected.Count > 0)
            map["expected"] = evalCase.Expected.ToList();
        if (evalCase.Choices.Count > 0)
            map["choices"] = evalCase.Choices.ToList();
        if (evalCase.Answer is not null)
            map["answer"] = evalCase.Answer;
        if (evalCase.Tags.Count > 0)
            map["tags"] = new OrderedDictionary<string, string>(evalCase.Tags);
        if (evalCase.Metadata.Count > 0)
            map["metadata"] = new OrderedDictionary<string, string>(evalCase.Metadata);
        return map;
    }

    private static OrderedDictionary<string, object> Defaults(GenerationDefaults defaults)
    {
        var standard = new GenerationDefaults();
        var map = new OrderedDictionary<string, object>();
        if (defaults.System is not null)
            map["system"] = defaults.System;
        if (defaults.MaxTokens != standard.MaxTokens)
            map["max_tokens"] = defaults.MaxTokens;
        if (defaults.Temperature != standard.Temperature)
            map["temperature"] = defaults.Temperature.ToString("R", CultureInfo.InvariantCulture);
        if (defaults.TopP != standard.TopP)
            map["top_p"] = defaults.TopP.ToString("R", CultureInfo.InvariantCulture);
        if (defaults.Seed != standard.Seed)
            map["seed"] = defaults.Seed;
        if (defaults.Stop.Count > 0)
            map["stop"] = defaults.Stop.ToList();
        return map;
    }

    /// <summary>
    /// YAML normalises line breaks in plain, literal and folded text, so a carriage return (MBPP's reference code is
    /// CRLF) survives only as the <c>\r</c> escape of a double-quoted string.
    /// </summary>
    private sealed class CarriageReturnQuoting(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string text && text.Contains('\r'))
                eventInfo.Style = ScalarStyle.DoubleQuoted;
            base.Emit(eventInfo, emitter);
        }
    }
}
