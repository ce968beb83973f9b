namespace EvalKit.Core.Scoring;

/// <summary>
/// Tag keys reserved for scoring bookkeeping: they tell a metric how to read a case (<c>stereotyped</c>: the letter of
/// the biased answer, <c>unknown</c>: the letter of the "can't be determined" answer, <c>pair</c>: the id of a
/// counterfactual pair), not which group of cases it belongs to. Grouping them would make one group per letter or per
/// pair, so they never become <c>by_tag</c> groups, per-tag comparisons, chart categories or Benjamini–Hochberg
/// hypotheses. Every other tag is a group (docs/metrics.md).
/// </summary>
public static class ScoringTags
{
    public static IReadOnlySet<string> Reserved { get; } = new HashSet<string>(StringComparer.Ordinal) { "stereotyped", "unknown", "pair" };

    /// <summary>The case's groups as <c>key=value</c> (a bare tag as <c>key</c>), reserved keys left out.</summary>
    public static IEnumerable<string> Groups(IReadOnlyDictionary<string, string> tags) =>
        tags.Where(t => !Reserved.Contains(t.Key)).Select(t => t.Value.Length == 0 ? t.Key : $"{t.Key}={t.Value}");
}
