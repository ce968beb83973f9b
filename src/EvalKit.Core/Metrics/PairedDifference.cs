namespace EvalKit.Core.Metrics;

/// <summary>
/// Candidate minus baseline on the cases both answered, with a paired bootstrap 95% interval, McNemar's exact
/// p-value (and its Benjamini–Hochberg adjustment when many tags are compared at once), and the flip table.
/// </summary>
public sealed record PairedDifference
{
    public required string Group { get; init; }
    public int N { get; init; }
    public double BaselineRate { get; init; }
    public double CandidateRate { get; init; }
    public double Difference { get; init; }
    public double Low { get; init; }
    public double High { get; init; }
    public double McNemarP { get; init; }
    public double? AdjustedP { get; init; }
    public required FlipTable Flips { get; init; }

    /// <summary><c>worse</c> when the whole interval is below zero, <c>better</c> when above, else <c>no_significant_difference</c>.</summary>
    public string Verdict => High < 0 ? "worse" : Low > 0 ? "better" : "no_significant_difference";
}
