using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Suites;

namespace EvalKit.Datasets.Internal;

/// <summary>
/// Builds a case from a plain row through a <see cref="ColumnMapping"/>. <c>values(name)</c> gives a field's texts
/// (one for a scalar, several for a JSON list), or null when the row lacks the field.
/// </summary>
internal static class MappedCase
{
    public static EvalCase Build(ColumnMapping mapping, string fallbackId, Func<string, IReadOnlyList<string>?> values)
    {
        var prompt = Single(mapping.Prompt, values, required: true)!;
        if (prompt.Trim().Length == 0)
            throw new RowException($"the prompt ('{mapping.Prompt}') is empty");
        var id = mapping.Id is { } idField ? Single(idField, values, required: true)!.Trim() : fallbackId;
        if (id.Length == 0)
            throw new RowException($"the id ('{mapping.Id}') is empty");
        var choices = Choices(mapping, values);
        return new EvalCase
        {
            Id = id,
            Prompt = prompt,
            Expected = mapping.Expected is { } expected ? values(expected) ?? throw Missing(expected) : [],
            Choices = choices,
            Answer = mapping.Answer is { } answer ? Letter(Single(answer, values, required: true)!, choices) : null,
            Tags = Copy(mapping.Tags, values),
            Metadata = Copy(mapping.Metadata, values),
        };
    }

    private static IReadOnlyList<string> Choices(ColumnMapping mapping, Func<string, IReadOnlyList<string>?> values) =>
        mapping.Choices switch
        {
            [] => [],
            [var list] => values(list) ?? throw Missing(list),
            var fields => [.. fields.Select(field => Single(field, values, required: true)!)],
        };

    /// <summary>The answer as a letter: a letter within the choices, or the exact text of one choice.</summary>
    private static string Letter(string answer, IReadOnlyList<string> choices)
    {
        var trimmed = answer.Trim();
        if (trimmed.Length == 1 && char.IsAsciiLetter(trimmed[0]) && char.ToUpperInvariant(trimmed[0]) - 'A' < choices.Count)
            return char.ToUpperInvariant(trimmed[0]).ToString();
        var index = choices.ToList().IndexOf(answer);
        return index >= 0
            ? ChoicePrompt.CheckedLetter(index, choices.Count)
            : throw new RowException($"the answer '{answer}' is neither a choice letter nor the text of a choice");
    }

    private static Dictionary<string, string> Copy(IReadOnlyList<string> fields, Func<string, IReadOnlyList<string>?> values)
    {
        var copied = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (values(field) is { } texts)
                copied[field] = string.Join(", ", texts);
        }
        return copied;
    }

    private static string? Single(string field, Func<string, IReadOnlyList<string>?> values, bool required) =>
        values(field) switch
        {
            null when required => throw Missing(field),
            null => null,
            [var one] => one,
            _ => throw new RowException($"field '{field}' must hold one value, not a list"),
        };

    private static RowException Missing(string field) => new($"missing field '{field}'");
}
