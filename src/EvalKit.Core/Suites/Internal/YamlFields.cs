using EvalKit.Core.Internal;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>The keys of one YAML map, checked against the keys its section allows.</summary>
internal sealed class YamlFields
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _fields;

    private YamlFields(YamlMappingNode map, string section, Dictionary<string, (YamlScalarNode, YamlNode)> fields)
    {
        Map = map;
        Section = section;
        _fields = fields;
    }

    public YamlMappingNode Map { get; }

    public string Section { get; }

    /// <summary>Reads a map, reporting non-map nodes, non-text keys and unknown keys (with the nearest valid one).</summary>
    public static YamlFields? Read(YamlNode node, string section, IReadOnlyList<string> allowed, DiagnosticBag bag)
    {
        if (node is not YamlMappingNode map)
        {
            bag.Add(node, $"{section} must be a map of keys, got {YamlValues.Describe(node)}",
                $"valid keys: {string.Join(", ", allowed)}");
            return null;
        }
        var fields = new Dictionary<string, (YamlScalarNode, YamlNode)>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } scalar)
            {
                bag.Add(key, $"keys in {section} must be plain names, got {YamlValues.Describe(key)}");
                continue;
            }
            if (!allowed.Contains(name))
            {
                bag.Add(key, $"unknown key '{name}' in {section}.{Suggestions.DidYouMean(name, allowed)}",
                    $"valid keys: {string.Join(", ", allowed)}");
                continue;
            }
            fields[name] = (scalar, value);
        }
        return new YamlFields(map, section, fields);
    }

    /// <summary>The value of <paramref name="name"/>, or null when the key is absent.</summary>
    public YamlNode? Optional(string name) => _fields.TryGetValue(name, out var field) ? field.Value : null;

    /// <summary>The key node of <paramref name="name"/>, or null when absent.</summary>
    public YamlScalarNode? Key(string name) => _fields.TryGetValue(name, out var field) ? field.Key : null;

    /// <summary>The value of <paramref name="name"/>; reports a missing key at the start of the map.</summary>
    public YamlNode? Required(string name, DiagnosticBag bag, string hint)
    {
        if (_fields.TryGetValue(name, out var field))
            return field.Value;
        bag.Add(Map, $"{Section} is missing required key '{name}'", hint);
        return null;
    }
}
