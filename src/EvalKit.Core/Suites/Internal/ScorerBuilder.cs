using EvalKit.Core.Internal;
using EvalKit.Core.Scoring;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>Reads <c>scorer</c>: either a bare scorer name or a map with <c>type</c> plus options.</summary>
internal static class ScorerBuilder
{
    /// <summary>The spec, or null when it is unusable (unknown type, bad options); problems go to <paramref name="bag"/>.</summary>
    public static ScorerSpec? Build(YamlNode node, DiagnosticBag bag)
    {
        var spec = node is YamlMappingNode map ? FromMap(map, bag) : FromName(node, bag);
        if (spec is null)
            return null;
        var problems = ScorerCatalog.Validate(spec);
        foreach (var problem in problems)
            bag.Add(node, $"scorer '{spec.Type}': {problem}");
        return problems.Count == 0 ? spec : null;
    }

    private static ScorerSpec? FromName(YamlNode node, DiagnosticBag bag)
    {
        if (node is YamlScalarNode && !YamlValues.IsNull(node))
            return CheckType(node, [], bag);
        bag.Add(node, $"'scorer' must be a scorer name or a map with 'type', got {YamlValues.Describe(node)}",
            $"scorers: {string.Join(", ", ScorerCatalog.Names)}");
        return null;
    }

    private static ScorerSpec? FromMap(YamlMappingNode map, DiagnosticBag bag)
    {
        YamlNode? type = null;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || YamlValues.IsNull(key))
            {
                bag.Add(key, $"keys in scorer must be plain names, got {YamlValues.Describe(key)}");
                ok = false;
            }
            else if (name == "type")
                type = value;
            else if (value is YamlScalarNode scalar)
                options[name] = YamlValues.IsNull(value) ? "" : scalar.Value ?? "";
            else
            {
                bag.Add(value, $"scorer option '{name}' must be a single value, got {YamlValues.Describe(value)}");
                ok = false;
            }
        }
        if (type is null)
        {
            bag.Add(map, "scorer is missing required key 'type'", $"scorers: {string.Join(", ", ScorerCatalog.Names)}");
            return null;
        }
        var spec = CheckType(type, options, bag);
        return ok ? spec : null;
    }

    private static ScorerSpec? CheckType(YamlNode node, Dictionary<string, string> options, DiagnosticBag bag)
    {
        if (YamlValues.Text(node, "type", bag) is not { } name)
            return null;
        if (ScorerCatalog.Names.Contains(name))
            return new ScorerSpec(name, options);
        bag.Add(node, $"unknown scorer '{name}'.{Suggestions.DidYouMean(name, ScorerCatalog.Names)}",
            $"scorers: {string.Join(", ", ScorerCatalog.Names)}");
        return null;
    }
}
