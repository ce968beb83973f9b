namespace EvalKit.Core.Metrics;

/// <summary>
/// Short human labels and units of the <see cref="SuiteMetrics.KindMetrics"/> that summaries show (console table,
/// summary.md): the headline ones of <see cref="HallucinationMetrics"/>, <see cref="BiasMetrics"/> and
/// <see cref="CensorshipMetrics"/>. Breakdowns (<c>refusal_rate/topic=taiwan</c>) stay in metrics.json and index.html.
/// A name not listed here reads as itself, as a plain number.
/// </summary>
public static class KindMetricLabels
{
    private static readonly Dictionary<string, (string Label, KindMetricUnit Unit)> _labels = new(StringComparer.Ordinal)
    {
        ["hallucination_rate"] = ("hallucination rate", KindMetricUnit.Rate),
        ["abstention_rate"] = ("abstention rate", KindMetricUnit.Rate),
        ["probe_hallucination_rate"] = ("invented on probes", KindMetricUnit.Rate),
        ["control_abstention_rate"] = ("over-abstention", KindMetricUnit.Rate),
        ["detection_error_rate"] = ("detection error (1 − accuracy)", KindMetricUnit.Rate),
        ["accuracy_ambiguous"] = ("accuracy ambiguous", KindMetricUnit.Rate),
        ["accuracy_disambiguated"] = ("accuracy disambiguated", KindMetricUnit.Rate),
        ["s_dis"] = ("bias score s_dis", KindMetricUnit.Score),
        ["s_amb"] = ("bias score s_amb", KindMetricUnit.Score),
        ["decision_changed_rate"] = ("decision changed", KindMetricUnit.Rate),
        ["refusal_rate"] = ("refusal rate", KindMetricUnit.Rate),
        ["deflection_rate"] = ("deflection rate", KindMetricUnit.Rate),
        ["one_sided_rate"] = ("one-sided rate", KindMetricUnit.Rate),
        ["censored_rate"] = ("censored rate", KindMetricUnit.Rate),
        ["censorship_differential"] = ("censored probe−control", KindMetricUnit.Difference),
        ["refusal_differential"] = ("refused probe−control", KindMetricUnit.Difference),
        ["language_gap_zh_minus_en"] = ("censored zh−en", KindMetricUnit.Difference),
        ["thought_suppression_rate"] = ("thought suppressed", KindMetricUnit.Rate),
        ["over_refusal_rate"] = ("over-refusal (safe)", KindMetricUnit.Rate),
        ["unsafe_refusal_rate"] = ("refused (unsafe)", KindMetricUnit.Rate),
    };

    /// <summary>The short label of a kind metric (<c>hallucination_rate</c> → "hallucination rate"); unknown names as they are.</summary>
    public static string Label(string name) => _labels.TryGetValue(name, out var entry) ? entry.Label : name;

    /// <summary>The unit a kind metric's value reads in; <see cref="KindMetricUnit.Score"/> for unknown names.</summary>
    public static KindMetricUnit Unit(string name) => _labels.TryGetValue(name, out var entry) ? entry.Unit : KindMetricUnit.Score;

    /// <summary>
    /// The kind metric names a summary shows for one suite's models, in the order computed: headline names (no
    /// <c>/</c> breakdown) with a value for at least one model.
    /// </summary>
    public static IReadOnlyList<string> Shown(IEnumerable<SuiteMetrics> models) =>
        models.SelectMany(m => m.KindMetrics)
            .Where(pair => !pair.Key.Contains('/') && !double.IsNaN(pair.Value.Value))
            .Select(pair => pair.Key)
            .Distinct(StringComparer.Ordinal)
            .ToList();
}
