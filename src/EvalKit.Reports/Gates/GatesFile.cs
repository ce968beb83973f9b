using EvalKit.Core;
using EvalKit.Core.Internal;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Reports.Gates;

/// <summary>
/// A YAML file of gates, the same mini-language as the flags:
/// <code>
/// fail_if: ["accuracy &lt; 0.70", "demo-hallucination.correct_rate &lt; 0.5"]
/// max_regression: accuracy=2pp
/// max_refusal_differential: 0.1
/// </code>
/// Each key takes one value or a list. Errors name the file, line and column.
/// </summary>
public static class GatesFile
{
    private static readonly Dictionary<string, Func<string, GateSpec>> _keys = new()
    {
        ["fail_if"] = GateSpec.FailIf,
        ["max_regression"] = GateSpec.MaxRegression,
        ["max_refusal_differential"] = GateSpec.MaxRefusalDifferential,
    };

    public static IReadOnlyList<GateSpec> Load(string path)
    {
        if (!File.Exists(path))
            throw Errors.PathNotFound("Gates file", path, "Pass a YAML file with fail_if / max_regression / max_refusal_differential keys (see docs/reports.md).");
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(File.ReadAllText(path)));
        }
        catch (YamlException ex)
        {
            throw new EvalKitException($"{path}:{ex.Start.Line}:{ex.Start.Column}: {ex.Message}", "Check the YAML syntax (docs/reports.md has an example).");
        }
        if (yaml.Documents.Count == 0)
            return [];
        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw At(path, yaml.Documents[0].RootNode, "expected a mapping of gate kinds to values");

        var gates = new List<GateSpec>();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (!_keys.TryGetValue(key, out var parse))
                throw At(path, keyNode, $"unknown gate '{key}'.{Suggestions.DidYouMean(key, _keys.Keys)} Known: {string.Join(", ", _keys.Keys)}");
            foreach (var item in Items(path, valueNode))
            {
                try
                {
                    gates.Add(parse(item.Value ?? ""));
                }
                catch (EvalKitException ex)
                {
                    throw At(path, item, $"{ex.Message} {ex.Hint}");
                }
            }
        }
        return gates;
    }

    private static IEnumerable<YamlScalarNode> Items(string path, YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar],
        YamlSequenceNode sequence => sequence.Children.Select(c => c as YamlScalarNode ?? throw At(path, c, "expected a gate as text")),
        _ => throw At(path, node, "expected a gate as text or a list of them"),
    };

    private static EvalKitException At(string path, YamlNode node, string message) =>
        new($"{path}:{node.Start.Line}:{node.Start.Column}: {message}", "The gates file format is described in docs/reports.md.");
}
