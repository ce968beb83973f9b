using System.Globalization;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Datasets;

namespace EvalKit.Datasets.Internal;

/// <summary>One JSON object read from a dataset, with typed field reads that throw <see cref="RowException"/>.</summary>
internal readonly record struct JsonRow(string File, long Line, JsonElement Value)
{
    /// <summary>The field at a dotted path, or null when absent or JSON null.</summary>
    public JsonElement? Find(string path)
    {
        var current = Value;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
                return null;
        }
        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    public JsonElement Required(string path) => Find(path) ?? throw new RowException($"missing field '{path}'");

    /// <summary>A text field; numbers and booleans are accepted as their JSON text.</summary>
    public string Text(string path) => Scalar(Required(path), path);

    public string? OptionalText(string path) => Find(path) is { } value ? Scalar(value, path) : null;

    /// <summary>A list of texts; a single text is a one-item list.</summary>
    public IReadOnlyList<string> TextList(string path)
    {
        var value = Required(path);
        return value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(item => Scalar(item, path))]
            : [Scalar(value, path)];
    }

    public JsonElement Object(string path)
    {
        var value = Required(path);
        return value.ValueKind == JsonValueKind.Object ? value : throw new RowException($"field '{path}' must be an object");
    }

    public JsonElement Array(string path)
    {
        var value = Required(path);
        return value.ValueKind == JsonValueKind.Array ? value : throw new RowException($"field '{path}' must be a list");
    }

    public long Integer(string path) =>
        Required(path) is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var i) ? i
        : long.TryParse(Text(path), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed
        : throw new RowException($"field '{path}' must be a whole number");

    public static string Scalar(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => throw new RowException($"field '{path}' must be text, got {value.ValueKind.ToString().ToLowerInvariant()}"),
    };
}
