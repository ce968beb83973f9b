using EvalKit.Core.Requests;
using EvalKit.Core.Scoring;

namespace EvalKit.Core.Suites;

/// <summary>A validated suite loaded from one YAML file.</summary>
public sealed record Suite
{
    public required string Id { get; init; }
    public required SuiteKind Kind { get; init; }
    public string Description { get; init; } = "";
    public GenerationDefaults Defaults { get; init; } = new();
    public ScorerSpec Scorer { get; init; } = ScorerSpec.Default;

    /// <summary>How cases are sent: null sends each as written; see <see cref="SuiteFormat"/>.</summary>
    public SuiteFormat? Format { get; init; }

    /// <summary>The few-shot examples the import put into the cases; null for none.</summary>
    public FewShotSpec? FewShot { get; init; }

    /// <summary>A model that also grades every answer against a rubric, after <see cref="Scorer"/>; null for none.</summary>
    public JudgeSpec? Judge { get; init; }
    public required IReadOnlyList<EvalCase> Cases { get; init; }

    /// <summary>Where the suite was read from (empty for suites built in code).</summary>
    public string SourcePath { get; init; } = "";

    /// <summary>SHA-256 of the suite file's bytes, recorded in the run manifest.</summary>
    public string Digest { get; init; } = "";

    /// <summary>What the suite asks the model for each case, as its scorer declares it.</summary>
    public RequestKind Asks => ScorerCatalog.RequestKindOf(Scorer.Type);

    /// <summary>Whether the case goes to models as chat messages: its own, or its prompt as one user turn under <c>format: chat</c>.</summary>
    public bool SendsAsChat(EvalCase evalCase) => evalCase.Messages is not null || Format == SuiteFormat.Chat;

    /// <summary>
    /// A chat case's messages as sent: the suite's system prompt first (unless the case brings its own, or
    /// <paramref name="withSystem"/> is false), then the case's messages, or under <c>format: chat</c> its prompt as one user turn.
    /// </summary>
    public IReadOnlyList<ChatMessage> ChatMessagesFor(EvalCase evalCase, bool withSystem = true)
    {
        var messages = evalCase.Messages ?? (evalCase.Prompt is { } prompt ? [new ChatMessage("user", prompt)] : []);
        if (withSystem && Defaults.System is { Length: > 0 } system && !messages.Any(m => m.Role == "system"))
            return [new ChatMessage("system", system), .. messages];
        return messages;
    }
}
