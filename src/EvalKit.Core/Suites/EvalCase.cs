namespace EvalKit.Core.Suites;

/// <summary>
/// One prompt to send to every model. Exactly one of <see cref="Prompt"/> (raw text, sent as is)
/// or <see cref="Messages"/> (chat, rendered with the model's own template) is set.
/// </summary>
public sealed record EvalCase
{
    public required string Id { get; init; }
    public string? Prompt { get; init; }
    public IReadOnlyList<ChatMessage>? Messages { get; init; }

    /// <summary>Accepted answers for text scorers (exact, contains, regex, numeric). Any one matching is enough.</summary>
    public IReadOnlyList<string> Expected { get; init; } = [];

    /// <summary>Options of a multiple-choice case, in letter order (A, B, C, ...).</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The correct option's letter for a multiple-choice case.</summary>
    public string? Answer { get; init; }

    /// <summary>Free-form labels that metrics group by. A bare tag in a YAML list has an empty value.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Named texts some scorers need beyond the answer, such as the <c>code</c> scorer's <c>test</c> and
    /// <c>entry_point</c>. Not used for grouping; see <see cref="Tags"/> for that.
    /// </summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = new Dictionary<string, string>();
}
