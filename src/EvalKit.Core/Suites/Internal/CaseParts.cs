using EvalKit.Core.Internal;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>Reads the structured parts of a case: chat messages, choices with their answer letter, tags.</summary>
internal static class CaseParts
{
    private static readonly string[] _messageKeys = ["role", "content"];
    private static readonly string[] _roles = ["system", "user", "assistant"];

    public static IReadOnlyList<ChatMessage>? Messages(YamlNode node, DiagnosticBag bag)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            bag.Add(node, $"'messages' must be a non-empty list of {{role, content}}, got {YamlValues.Describe(node)}",
                "for example: '- {role: user, content: \"2+2?\"}'");
            return null;
        }
        var messages = new List<ChatMessage>();
        foreach (var item in list.Children)
        {
            if (YamlFields.Read(item, "a message", _messageKeys, bag) is not { } fields)
                continue;
            var roleNode = fields.Required("role", bag, "role is one of: system, user, assistant");
            var contentNode = fields.Required("content", bag, "content is the message text");
            var role = roleNode is null ? null : YamlValues.Text(roleNode, "role", bag);
            var content = contentNode is null ? null : YamlValues.Text(contentNode, "content", bag);
            if (role is not null && !_roles.Contains(role))
            {
                bag.Add(roleNode!, $"unknown role '{role}'.{Suggestions.DidYouMean(role, _roles)}",
                    "role is one of: system, user, assistant");
                role = null;
            }
            if (role is not null && content is not null)
                messages.Add(new ChatMessage(role, content));
        }
        return messages;
    }

    public static IReadOnlyList<string> Choices(YamlNode node, DiagnosticBag bag)
    {
        if (YamlValues.TextList(node, "choices", single: false, bag) is not { } choices)
            return [];
        if (choices.Count == 0)
            bag.Add(node, "'choices' is empty", "list the options in letter order A, B, C, ...");
        else if (choices.Count > 26)
            bag.Add(node, $"'choices' has {choices.Count} options; at most 26 (A to Z) are allowed");
        return choices;
    }

    /// <summary>The answer letter, checked against the choices; a choice list needs an answer and vice versa.</summary>
    public static string? Answer(YamlFields fields, string label, IReadOnlyList<string> choices, DiagnosticBag bag)
    {
        var node = fields.Optional("answer");
        var choicesKey = fields.Key("choices");
        if (node is null)
        {
            if (choicesKey is not null)
                bag.Add(choicesKey, $"{label} has 'choices' but no 'answer'", "add 'answer: A' (the letter of the correct choice)");
            return null;
        }
        if (choicesKey is null)
        {
            bag.Add(fields.Key("answer")!, $"{label} has 'answer' but no 'choices'",
                "list the options under 'choices', or use 'expected' for a free-text answer");
            return null;
        }
        if (YamlValues.Text(node, "answer", bag) is not { } answer || choices.Count is 0 or > 26)
            return null;
        var last = (char)('A' + choices.Count - 1);
        if (answer.Length == 1 && char.ToUpperInvariant(answer[0]) is var letter && letter >= 'A' && letter <= last)
            return letter.ToString();
        bag.Add(node, $"'answer' must be a choice letter from A to {last}, got {YamlValues.Describe(node)}",
            $"there are {choices.Count} choices; A is the first");
        return null;
    }

    /// <summary>Tags as a map of name to value, or a list of bare names (each with an empty value).</summary>
    public static IReadOnlyDictionary<string, string> Tags(YamlNode node, DiagnosticBag bag, string section = "tags")
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is YamlSequenceNode)
        {
            foreach (var name in YamlValues.TextList(node, "tags", single: false, bag) ?? [])
                tags[name] = "";
            return tags;
        }
        if (node is not YamlMappingNode map)
        {
            bag.Add(node, $"'tags' must be a map (topic: math) or a list of names, got {YamlValues.Describe(node)}");
            return tags;
        }
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name } || YamlValues.IsNull(key))
                bag.Add(key, $"names in '{section}' must be text, got {YamlValues.Describe(key)}");
            else if (value is not YamlScalarNode scalar)
                bag.Add(value, $"'{name}' in '{section}' must have a text value, got {YamlValues.Describe(value)}");
            else
                tags[name] = YamlValues.IsNull(value) ? "" : scalar.Value ?? "";
        }
        return tags;
    }

    /// <summary>Metadata as a map of name to text; multi-line values (test code) are written as YAML block scalars.</summary>
    public static IReadOnlyDictionary<string, string> Metadata(YamlNode node, DiagnosticBag bag)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            bag.Add(node, $"'metadata' must be a map of names to texts, got {YamlValues.Describe(node)}",
                "for example: 'metadata: {entry_point: add}', with multi-line code after 'test: |'");
            return metadata;
        }
        foreach (var (key, value) in map.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name } || YamlValues.IsNull(key))
                bag.Add(key, $"metadata names must be text, got {YamlValues.Describe(key)}");
            else if (value is not YamlScalarNode scalar || YamlValues.IsNull(value))
                bag.Add(value, $"metadata '{name}' must be text, got {YamlValues.Describe(value)}",
                    "lists and maps are not allowed here; join lines into one block text with 'name: |'");
            else
                metadata[name] = scalar.Value ?? "";
        }
        return metadata;
    }
}
