namespace EvalKit.Core.Metrics;

/// <summary>
/// A candidate (typically the distilled student) against a baseline (typically its teacher) on one suite:
/// the overall paired difference, the same per tag, how often their answers agree, and Cohen's kappa on correctness.
/// </summary>
public sealed record ModelComparison
{
    public required string Suite { get; init; }
    public required string Baseline { get; init; }
    public required string Candidate { get; init; }
    public required PairedDifference Overall { get; init; }
    public IReadOnlyList<PairedDifference> ByTag { get; init; } = [];
    public double AnswerAgreement { get; init; }
    public double Kappa { get; init; }

    /// <summary>Case ids by flip cell, so reports can link each cell to its cases.</summary>
    public IReadOnlyList<string> OnlyBaselineCases { get; init; } = [];
    public IReadOnlyList<string> OnlyCandidateCases { get; init; } = [];
}
