namespace EvalKit.Core.Backends;

/// <summary>
/// A model as the user names it: <c>[NAME=]SOURCE</c>, e.g. <c>student=models/student.gguf</c>.
/// Without a name, the file name (without extension) is used, or for an endpoint the model name after '#'.
/// </summary>
public sealed record ModelSpec(string Name, string Source)
{
    /// <summary>This model's own generation settings (evalkit.yaml and <c>--model-option</c>); null when it has none.</summary>
    public ModelSettings? Settings { get; init; }

    /// <summary>Price per million tokens (evalkit.yaml <c>price:</c>), for cost in metrics and <c>run --max-cost</c>; null when unpriced.</summary>
    public ModelPrice? Price { get; init; }

    public static ModelSpec Parse(string text)
    {
        var trimmed = text.Trim();
        var equals = trimmed.IndexOf('=');
        // A '=' inside a path (after a slash) is part of the path, not a name separator.
        var slash = trimmed.IndexOfAny(['/', '\\']);
        if (equals > 0 && (slash < 0 || equals < slash))
            return new ModelSpec(trimmed[..equals].Trim(), trimmed[(equals + 1)..].Trim());
        var source = trimmed;
        // An endpoint's model is named after the '#': openai:http://host:8000/v1#deepseek-r1 → deepseek-r1.
        var fragment = source.LastIndexOf('#');
        if (source.Contains("://", StringComparison.Ordinal) && fragment >= 0 && fragment < source.Length - 1)
            return new ModelSpec(source[(fragment + 1)..], source);
        var path = source.Contains(':') && !Path.IsPathRooted(source) ? source[(source.IndexOf(':') + 1)..] : source;
        return new ModelSpec(Path.GetFileNameWithoutExtension(path.TrimEnd('/', '\\')), source);
    }

    public override string ToString() => $"{Name}={Source}";
}
