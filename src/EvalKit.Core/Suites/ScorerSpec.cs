namespace EvalKit.Core.Suites;

/// <summary>The scorer a suite names, with its options as written in the YAML.</summary>
public sealed record ScorerSpec(string Type, IReadOnlyDictionary<string, string> Options)
{
    public static ScorerSpec Default { get; } = new("exact", new Dictionary<string, string>());

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;

    public bool Flag(string name, bool fallback) =>
        Option(name) is { } value ? value.Equals("true", StringComparison.OrdinalIgnoreCase) : fallback;
}
