using System.Text.Json.Serialization;
using EvalKit.Core.Scoring;
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

    /// <summary>True when the token counts are estimates; absent when the backend counted them.</summary>
    public bool? TokenCountsEstimated { get; init; }
    public double TimeToFirstTokenMs { get; init; }
    public double TotalMs { get; init; }
    public string? FinishReason { get; init; }

    /// <summary>The completion came from the response cache; counts and timings are those of the original generation.</summary>
    public bool Cached { get; init; }
    public double Score { get; init; }
    public required string Label { get; init; }
    public string? Reason { get; init; }
    public string? Error { get; init; }

    /// <summary>What the scorer read from the reply (<see cref="Scoring.Score.Extracted"/>: the chosen letter for <c>choice</c>).</summary>
    public string? Extracted { get; init; }

    /// <summary>The case's options for a multiple-choice case, so metrics such as BBQ can tell which one a letter names.</summary>
    public IReadOnlyList<string>? Choices { get; init; }
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary><c>choice_loglik</c> only: 1 when the choice with the best log-probability per character is the answer (lm-evaluation-harness's acc_norm), else 0.</summary>
    public double? AccNorm { get; init; }

    /// <summary><c>choice_loglik</c> only: every choice's log-probability, in letter order.</summary>
    public IReadOnlyList<ChoiceLogLikelihood>? ChoiceLogLikelihoods { get; init; }
    /// <summary>The reasoning block's shape; null when the suite turns reasoning splitting off.</summary>
    public ReasoningState? ReasoningState { get; init; }

    /// <summary>The reasoning text, split off the completion before scoring; null when there was none.</summary>
    public string? Reasoning { get; init; }

    /// <summary>Length of the reasoning in characters (UTF-16 units); <see cref="ReasoningTokens"/> counts tokens.</summary>
    public int? ReasoningChars { get; init; }

    /// <summary>Length of the answer the scorer saw, in characters.</summary>
    public int? AnswerChars { get; init; }

    /// <summary>
    /// Generated tokens that belong to the reasoning block, close tag included (a token straddling the close tag counts
    /// here); with <see cref="AnswerTokens"/> it sums to <see cref="CompletionTokens"/>. Null when the backend reported
    /// no per-token timeline (see docs/suites.md).
    /// </summary>
    public int? ReasoningTokens { get; init; }

    /// <summary>Generated tokens after the reasoning block, whitespace after the close tag included.</summary>
    public int? AnswerTokens { get; init; }

    /// <summary>
    /// Milliseconds from the start of the request to the token that produced the answer's first non-whitespace
    /// character (the clock of <see cref="TimeToFirstTokenMs"/>); null when there is no answer text or no timeline.
    /// </summary>
    public double? TimeToFirstAnswerTokenMs { get; init; }

    /// <summary>The suite expects reasoning, but the block was empty or missing.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool ThoughtSuppressed { get; init; }

    /// <summary>The identity that must be unique within a run.</summary>
    public string Key => KeyOf(Model, Suite, CaseId, Repeat);

    public static string KeyOf(string model, string suite, string caseId, int repeat = 0) =>
        $"{model}\u001f{suite}\u001f{caseId}\u001f{repeat}";
}
