namespace EvalKit.Core.Metrics;

/// <summary>
/// What a paired comparison concludes (<see cref="PairedDifference.Verdict"/>); written to metrics.json in snake_case
/// (<c>worse</c>, <c>better</c>, <c>no_significant_difference</c>).
/// </summary>
public enum ComparisonVerdict
{
    NoSignificantDifference,
    Worse,
    Better,
}
