using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>
/// Reads <c>defaults.reasoning</c>: <c>off</c> (no splitting), <c>on</c> (expect <c>&lt;think&gt;</c> blocks), or a map
/// <c>{open, close}</c> naming other tags (also expected). Absent, completions are split on <c>&lt;think&gt;</c> when present.
/// </summary>
internal static class ReasoningBuilder
{
    private static readonly string[] _keys = ["open", "close"];
    private static readonly string[] _off = ["off", "false", "no", "none"];
    private static readonly string[] _on = ["on", "true", "yes"];
    private const string Hint = "write 'reasoning: off', 'reasoning: on', or 'reasoning: {open: \"<think>\", close: \"</think>\"}'";

    public static ReasoningFormat? Build(YamlNode node, DiagnosticBag bag)
    {
        if (node is YamlScalarNode { Value: { } word } && !YamlValues.IsNull(node))
        {
            if (_off.Contains(word, StringComparer.OrdinalIgnoreCase))
                return null;
            if (_on.Contains(word, StringComparer.OrdinalIgnoreCase))
                return ReasoningFormat.Think with { Expected = true };
        }
        if (node is not YamlMappingNode)
        {
            bag.Add(node, $"'reasoning' must be off, on, or a map with 'open' and 'close' tags, got {YamlValues.Describe(node)}", Hint);
            return ReasoningFormat.Think;
        }
        if (YamlFields.Read(node, "reasoning", _keys, bag) is not { } fields)
            return ReasoningFormat.Think;
        var format = ReasoningFormat.Think with { Expected = true };
        var open = Tag(fields, "open", format.Open, bag);
        var close = Tag(fields, "close", format.Close, bag);
        if (open is null || close is null)
            return format;
        if (open == close)
            bag.Add(fields.Key("close") ?? fields.Key("open") ?? (YamlNode)fields.Map,
                $"the reasoning tags must differ, but both are '{open}'", "for example open: \"<think>\", close: \"</think>\"");
        return format with { Open = open, Close = close };
    }

    private static string? Tag(YamlFields fields, string name, string fallback, DiagnosticBag bag)
    {
        if (fields.Optional(name) is not { } node)
            return fallback;
        if (YamlValues.Text(node, name, bag) is not { } tag)
            return null;
        if (tag.Trim().Length == 0 || tag.Trim() != tag)
        {
            bag.Add(node, $"reasoning tag '{name}' must be non-empty text without surrounding spaces, got '{tag}'", Hint);
            return null;
        }
        return tag;
    }
}
