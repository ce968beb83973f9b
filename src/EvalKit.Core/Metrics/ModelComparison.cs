namespace EvalKit.Core.Metrics;

/// <summary>
/// A candidate (typically the distilled student) against a baseline (typically its teacher) on one suite:
/// the overall paired difference, the same per tag, how often their answers agree and Cohen's kappa on those answers,
/// and Cohen's kappa on right/wrong.
/// </summary>
public sealed record ModelComparison
{
    public required string Suite { get; init; }
    public required string Baseline { get; init; }
    public required string Candidate { get; init; }
    public required PairedDifference Overall { get; init; }
    public IReadOnlyList<PairedDifference> ByTag { get; init; } = [];
    /// <summary>
    /// Share of pairs that gave the same answer: the answer the scorer extracted (<see cref="Results.SampleRecord.Extracted"/>:
    /// a choice letter, a number) when it extracted one, else the completion lower-cased with whitespace collapsed.
    /// </summary>
    public double AnswerAgreement { get; init; }

    /// <summary>Cohen's kappa on the same answers as <see cref="AnswerAgreement"/> (each distinct answer a category).</summary>
    public double Kappa { get; init; }

    /// <summary>Cohen's kappa on right/wrong: do the two models get the same cases right?</summary>
    public double CorrectnessKappa { get; init; }

    /// <summary>Case ids by flip cell, so reports can link each cell to its cases.</summary>
    public IReadOnlyList<string> OnlyBaselineCases { get; init; } = [];
    public IReadOnlyList<string> OnlyCandidateCases { get; init; } = [];
}
