using EvalKit.Core.Suites;

namespace EvalKit.Core.Results;

/// <summary>
/// One line of <c>samples.jsonl</c>: one case, answered by one model, in one repeat, with its score.
/// A failed request is a sample too: <see cref="Error"/> is set and <see cref="Label"/> is <c>error</c>.
/// </summary>
public sealed record SampleRecord
{
    public required string Model { get; init; }
    public required string Suite { get; init; }
    public required string CaseId { get; init; }
    public int Repeat { get; init; }
    public uint Seed { get; init; }
    public string? Prompt { get; init; }
    public IReadOnlyList<ChatMessage>? Messages { get; init; }
    public string? RenderedPrompt { get; init; }
    public string Completion { get; init; } = "";
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double TimeToFirstTokenMs { get; init; }
    public double TotalMs { get; init; }
    public string? FinishReason { get; init; }
    public double Score { get; init; }
    public required string Label { get; init; }
    public string? Reason { get; init; }
    public string? Error { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary><c>choice_loglik</c> only: 1 when the choice with the best log-probability per character is the answer (lm-evaluation-harness's acc_norm), else 0.</summary>
    public double? AccNorm { get; init; }

    /// <summary><c>choice_loglik</c> only: every choice's log-probability, in letter order.</summary>
    public IReadOnlyList<ChoiceLogLikelihood>? ChoiceLogLikelihoods { get; init; }

    /// <summary>The identity that must be unique within a run.</summary>
    public string Key => KeyOf(Model, Suite, CaseId, Repeat);

    public static string KeyOf(string model, string suite, string caseId, int repeat = 0) =>
        $"{model}\u001f{suite}\u001f{caseId}\u001f{repeat}";
}
