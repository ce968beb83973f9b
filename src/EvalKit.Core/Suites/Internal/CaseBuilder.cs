using EvalKit.Core.Scoring;
using YamlDotNet.RepresentationModel;

namespace EvalKit.Core.Suites.Internal;

/// <summary>Reads the <c>cases</c> list into <see cref="EvalCase"/> records.</summary>
internal static class CaseBuilder
{
    private static readonly string[] _keys = ["id", "prompt", "messages", "expected", "choices", "answer", "tags", "metadata"];

    /// <param name="scorer">The suite's scorer, or null when it is unusable (then scorer checks per case are skipped).</param>
    public static IReadOnlyList<EvalCase> BuildAll(YamlNode node, ScorerSpec? scorer, DiagnosticBag bag)
    {
        if (node is not YamlSequenceNode list)
        {
            bag.Add(node, $"'cases' must be a list of cases, got {YamlValues.Describe(node)}",
                "write each case as a list item: '- id: q1' with 'prompt:' on the next line");
            return [];
        }
        if (list.Children.Count == 0)
        {
            bag.Add(node, "the suite has no cases", "add at least one item under 'cases'");
            return [];
        }
        var cases = new List<EvalCase>();
        var firstLines = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            var item = list.Children[i];
            var evalCase = BuildOne(item, i + 1, bag, out var idNode);
            if (idNode is YamlScalarNode { Value: { Length: > 0 } id } && !YamlValues.IsNull(idNode))
            {
                if (firstLines.TryGetValue(id, out var firstLine))
                {
                    bag.Add(idNode, $"duplicate case id '{id}' (first used on line {firstLine})",
                        "case ids must be unique within a suite");
                    continue;
                }
                firstLines[id] = idNode.Start.Line;
            }
            if (evalCase is null)
                continue;
            cases.Add(evalCase);
            if (scorer is not null)
            {
                foreach (var problem in ScorerCatalog.CaseProblems(scorer, evalCase))
                    bag.Add(item, $"case '{evalCase.Id}' cannot be scored by '{scorer.Type}': {problem}");
            }
        }
        return cases;
    }

    private static EvalCase? BuildOne(YamlNode node, int number, DiagnosticBag bag, out YamlNode? idNode)
    {
        idNode = null;
        var label = Label(node, number);
        if (YamlFields.Read(node, label, _keys, bag) is not { } fields)
            return null;
        var before = bag.Count;
        idNode = fields.Required("id", bag, "give every case a unique 'id', for example 'id: q1'");
        var id = idNode is null ? null : YamlValues.Text(idNode, "id", bag);
        var prompt = fields.Optional("prompt");
        var messages = fields.Optional("messages");
        if (prompt is not null && messages is not null)
            bag.Add(fields.Key("messages")!, $"{label} has both 'prompt' and 'messages'",
                "keep one: 'prompt' for raw text sent as is, 'messages' for a chat");
        else if (prompt is null && messages is null)
            bag.Add(fields.Map, $"{label} needs 'prompt' or 'messages'",
                "'prompt' is raw text sent as is; 'messages' is a chat list of {role, content}");
        var choices = fields.Optional("choices") is { } c ? CaseParts.Choices(c, bag) : [];
        var evalCase = new EvalCase
        {
            Id = id ?? "",
            Prompt = prompt is null ? null : YamlValues.Text(prompt, "prompt", bag),
            Messages = messages is null ? null : CaseParts.Messages(messages, bag),
            Expected = fields.Optional("expected") is { } e ? YamlValues.TextList(e, "expected", single: true, bag) ?? [] : [],
            Choices = choices,
            Answer = CaseParts.Answer(fields, label, choices, bag),
            Tags = fields.Optional("tags") is { } t ? CaseParts.Tags(t, bag) : new Dictionary<string, string>(),
            Metadata = fields.Optional("metadata") is { } m ? CaseParts.Metadata(m, bag) : new Dictionary<string, string>(),
        };
        if (id is { Length: 0 })
            bag.Add(idNode!, "case 'id' must not be empty");
        return bag.Count == before ? evalCase : null;
    }

    private static string Label(YamlNode node, int number)
    {
        var id = node is YamlMappingNode map
            ? map.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "id" }).Value
            : null;
        return id is YamlScalarNode { Value.Length: > 0 } && !YamlValues.IsNull(id)
            ? $"case {YamlValues.Describe(id)}"
            : $"case #{number}";
    }
}
