using EvalKit.Core.Datasets;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>Reads <c>dataset.mapping</c> into a <see cref="ColumnMapping"/>.</summary>
internal static class MappingBuilder
{
    private static readonly string[] _keys = ["prompt", "expected", "id", "answer", "tags", "metadata", "choices"];

    public static ColumnMapping? Build(YamlNode node, DiagnosticBag bag)
    {
        if (YamlFields.Read(node, "mapping", _keys, bag) is not { } fields)
            return null;
        var before = bag.Count;
        var prompt = fields.Required("prompt", bag, "add 'prompt:' with the field that holds the prompt text");
        var mapping = new ColumnMapping
        {
            Prompt = prompt is null ? "" : YamlValues.Text(prompt, "prompt", bag) ?? "",
            Expected = Text(fields, "expected", bag),
            Id = Text(fields, "id", bag),
            Answer = Text(fields, "answer", bag),
            Tags = List(fields, "tags", bag),
            Metadata = List(fields, "metadata", bag),
            Choices = List(fields, "choices", bag),
        };
        if (mapping.Choices.Count > 0 != mapping.Answer is not null)
            bag.Add(fields.Map, "mapping needs both 'choices' and 'answer', or neither",
                "'choices' lists the choice fields (or one field holding a list); 'answer' names the field with the correct one");
        return bag.Count == before ? mapping : null;
    }

    private static string? Text(YamlFields fields, string name, DiagnosticBag bag) =>
        fields.Optional(name) is { } node ? YamlValues.Text(node, name, bag) : null;

    private static IReadOnlyList<string> List(YamlFields fields, string name, DiagnosticBag bag) =>
        fields.Optional(name) is { } node ? YamlValues.TextList(node, name, single: true, bag) ?? [] : [];
}
