namespace EvalKit.Core.Datasets;

/// <summary>
/// Where the parts of a case are in a plain JSONL or CSV row: a CSV header name, or a JSON field name
/// (a dotted path such as <c>question.stem</c> reaches into nested objects).
/// </summary>
public sealed record ColumnMapping
{
    /// <summary>The field holding the prompt text (required).</summary>
    public required string Prompt { get; init; }

    /// <summary>The field holding the expected answer (text, a number, or a JSON list of them).</summary>
    public string? Expected { get; init; }

    /// <summary>The field holding the case id; without it ids are <c>&lt;file name&gt;-&lt;line&gt;</c>.</summary>
    public string? Id { get; init; }

    /// <summary>Fields copied into tags under their own names.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Fields copied into metadata under their own names.</summary>
    public IReadOnlyList<string> Metadata { get; init; } = [];

    /// <summary>The choice fields in letter order, or one field holding a JSON list of choices.</summary>
    public IReadOnlyList<string> Choices { get; init; } = [];

    /// <summary>The field holding the correct choice: its letter, or its exact text.</summary>
    public string? Answer { get; init; }
}
