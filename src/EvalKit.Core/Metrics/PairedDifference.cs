namespace EvalKit.Core.Metrics;

/// <summary>
/// Candidate minus baseline on the cases both answered, with a paired bootstrap 95% interval, McNemar's exact
/// p-value (and its Benjamini–Hochberg adjustment when many tags are compared at once), and the flip table.
/// </summary>
public sealed record PairedDifference
{
    /// <summary>The significance level of <see cref="Verdict"/>.</summary>
    public const double Alpha = 0.05;

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

    /// <summary>
    /// The one verdict rule: <c>worse</c> or <c>better</c> (the sign of <see cref="Difference"/>) only when McNemar's
    /// exact test rejects equal accuracy, p &lt; <see cref="Alpha"/> (the Benjamini–Hochberg <see cref="AdjustedP"/> for
    /// a per-tag difference), else <c>no_significant_difference</c>. The bootstrap interval is reported beside it but
    /// does not decide: at small n a percentile interval can exclude 0 while the exact test does not reject.
    /// </summary>
    public ComparisonVerdict Verdict => (AdjustedP ?? McNemarP) < Alpha && Difference != 0
        ? Difference < 0 ? ComparisonVerdict.Worse : ComparisonVerdict.Better
        : ComparisonVerdict.NoSignificantDifference;
}
