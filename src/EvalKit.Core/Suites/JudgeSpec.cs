namespace EvalKit.Core.Suites;

/// <summary>
/// A suite's <c>judge:</c>: the run model (by its <c>--model</c> name) that grades every answer against a rubric,
/// after the rule-based scorer. The rubric is a versioned prompt file (<c>rubrics/*.md</c>) whose digest goes into
/// the run manifest. See docs/judge.md.
/// </summary>
public sealed record JudgeSpec
{
    /// <summary>Most tokens the judge may write when no <c>max_tokens</c> is given.</summary>
    public const int DefaultMaxTokens = 256;

    public required string Model { get; init; }

    /// <summary>The rubric path as written in the suite.</summary>
    public required string Rubric { get; init; }

    /// <summary>Where the rubric was found: beside the suite file, or in a folder above it.</summary>
    public required string RubricPath { get; init; }

    /// <summary>SHA-256 of the rubric file's bytes.</summary>
    public required string RubricDigest { get; init; }

    public int MaxTokens { get; init; } = DefaultMaxTokens;

    /// <summary>
    /// The rubric's text when it is built in (<see cref="Scoring.RefusalRubric"/>, from a scorer's <c>judge</c>
    /// option) rather than a file; <see cref="RubricPath"/> is then empty.
    /// </summary>
    public string? BuiltInRubric { get; init; }

    /// <summary>The labels the judge may give; anything else is <c>unknown</c>.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [Scoring.ScoreLabel.Correct, Scoring.ScoreLabel.Incorrect, Scoring.ScoreLabel.Refused];

    /// <summary>A judge with the built-in refusal rubric, for <c>scorer: {type: censorship, judge: MODEL}</c>.</summary>
    public static JudgeSpec ForRefusals(string model) => new()
    {
        Model = model,
        Rubric = Scoring.RefusalRubric.Name,
        RubricPath = "",
        RubricDigest = Scoring.RefusalRubric.Digest,
        BuiltInRubric = Scoring.RefusalRubric.Text,
        Labels = Scoring.RefusalRubric.Labels,
    };
}
