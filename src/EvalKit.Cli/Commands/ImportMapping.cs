using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Datasets;

namespace EvalKit.Cli.Commands;

/// <summary>Reads <c>--map KEY=FIELD</c> options into a <see cref="ColumnMapping"/>.</summary>
internal static class ImportMapping
{
    private static readonly string[] _keys = ["prompt", "expected", "id", "answer", "tags", "metadata", "choices"];

    public static ColumnMapping Parse(IEnumerable<string> options)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var equals = option.IndexOf('=');
            var key = equals > 0 ? option[..equals].Trim() : "";
            if (!_keys.Contains(key) || equals == option.Length - 1)
                throw Errors.BadOption("--map", option, $"KEY=FIELD with KEY one of {string.Join(", ", _keys)}, e.g. --map prompt=question --map tags=category,topic");
            if (!values.TryGetValue(key, out var list))
                values[key] = list = [];
            list.AddRange(option[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        if (!values.TryGetValue("prompt", out var prompt) || prompt.Count != 1)
            throw Errors.BadOption("--map", string.Join(" ", options), "exactly one --map prompt=FIELD");
        return new ColumnMapping
        {
            Prompt = prompt[0],
            Expected = One(values, "expected"),
            Id = One(values, "id"),
            Answer = One(values, "answer"),
            Tags = values.GetValueOrDefault("tags") ?? [],
            Metadata = values.GetValueOrDefault("metadata") ?? [],
            Choices = values.GetValueOrDefault("choices") ?? [],
        };
    }

    private static string? One(Dictionary<string, List<string>> values, string key) =>
        values.TryGetValue(key, out var list)
            ? list.Count == 1 ? list[0] : throw Errors.BadOption("--map", $"{key}={string.Join(",", list)}", $"one field for {key}")
            : null;
}
