namespace EvalKit.Core.Scoring;

/// <summary>The label vocabulary scorers use; metrics count samples by these.</summary>
public static class ScoreLabel
{
    public const string Correct = "correct";
    public const string Incorrect = "incorrect";
    public const string Refused = "refused";
    public const string Abstained = "abstained";
    public const string Biased = "biased";
    public const string Unknown = "unknown";
    public const string Error = "error";
}
