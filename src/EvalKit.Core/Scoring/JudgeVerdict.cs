namespace EvalKit.Core.Scoring;

/// <summary>
/// A judge's grade of one answer: <see cref="Label"/> is <c>correct</c>, <c>incorrect</c>, <c>refused</c> or
/// <c>unknown</c> (reply unreadable, or the request failed: see <see cref="Error"/>), with the judge's reason. The
/// request (<see cref="Prompt"/>) and the reply (<see cref="Raw"/>) are kept so every verdict can be checked by hand.
/// </summary>
public sealed record JudgeVerdict
{
    public required string Model { get; init; }
    public required string Label { get; init; }
    public required string Reason { get; init; }
    public string Raw { get; init; } = "";
    public string Prompt { get; init; } = "";
    public string RubricDigest { get; init; } = "";
    public string? Error { get; init; }
}
