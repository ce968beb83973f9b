namespace EvalKit.Core.Suites;

/// <summary>
/// How a suite separates a reasoning model's thinking from its answer: the text between <see cref="Open"/> and
/// <see cref="Close"/> at the start of a completion is reasoning, and scorers see only what follows.
/// </summary>
public sealed record ReasoningFormat
{
    public string Open { get; init; } = "<think>";
    public string Close { get; init; } = "</think>";

    /// <summary>
    /// True when the suite says its models reason (<c>reasoning: on</c> or explicit tags): an empty or missing
    /// reasoning block is then recorded as thought suppression. False for the default, which only splits when tags appear.
    /// </summary>
    public bool Expected { get; init; }

    /// <summary>The default: DeepSeek-R1 style <c>&lt;think&gt;…&lt;/think&gt;</c>, split when present, not expected.</summary>
    public static ReasoningFormat Think { get; } = new();
}
