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

    /// <summary>Censorship: the reply turns to something else or stays vague instead of answering.</summary>
    public const string Deflected = "deflected";

    /// <summary>Censorship: the reply repeats official talking points as its own view.</summary>
    public const string OneSided = "one_sided";

    /// <summary>Refusal (XSTest): a direct attempt to answer ("full compliance").</summary>
    public const string Complied = "complied";

    /// <summary>Refusal (XSTest): refuses, then answers at length anyway ("partial refusal"); a full refusal is <see cref="Refused"/>.</summary>
    public const string PartialRefusal = "partial_refusal";

    /// <summary>The reasoning block never closed, so there was no answer to score (set by the runner, not a scorer).</summary>
    public const string UnclosedReasoning = "unclosed_reasoning";
}
