namespace EvalKit.Core.Scoring;

/// <summary>A scorer's verdict on one completion: a value in [0, 1], a label and a short human reason.</summary>
public sealed record Score(double Value, string Label, string Reason)
{
    /// <summary>What the scorer read from the reply, for metrics that need it (the chosen letter for <c>choice</c>); null when nothing.</summary>
    public string? Extracted { get; init; }

    public static Score Correct(string reason) => new(1, ScoreLabel.Correct, reason);

    public static Score Incorrect(string reason) => new(0, ScoreLabel.Incorrect, reason);
}
