using EvalKit.Core.Metrics;
using EvalKit.Core.Statistics;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Metrics;

public class KindMetricLabelsTests
{
    [Theory]
    [InlineData("hallucination_rate", "hallucination rate", KindMetricUnit.Rate)]
    [InlineData("abstention_rate", "abstention rate", KindMetricUnit.Rate)]
    [InlineData("s_dis", "bias score s_dis", KindMetricUnit.Score)]
    [InlineData("s_amb", "bias score s_amb", KindMetricUnit.Score)]
    [InlineData("decision_changed_rate", "decision changed", KindMetricUnit.Rate)]
    [InlineData("refusal_rate", "refusal rate", KindMetricUnit.Rate)]
    [InlineData("censorship_differential", "censored probe−control", KindMetricUnit.Difference)]
    [InlineData("language_gap_zh_minus_en", "censored zh−en", KindMetricUnit.Difference)]
    public void Known_kind_metrics_have_a_short_label_and_their_unit(string name, string label, KindMetricUnit unit)
    {
        // When / Then
        Assert.Equal((label, unit), (KindMetricLabels.Label(name), KindMetricLabels.Unit(name)));
    }

    [Fact]
    public void Every_headline_metric_the_calculators_document_has_a_label()
    {
        // Given the headline names of docs/metrics.md
        string[] names =
        [
            "hallucination_rate", "abstention_rate", "probe_hallucination_rate", "control_abstention_rate",
            "accuracy_ambiguous", "accuracy_disambiguated", "s_dis", "s_amb", "decision_changed_rate",
            "refusal_rate", "deflection_rate", "one_sided_rate", "censored_rate", "censorship_differential",
            "refusal_differential", "language_gap_zh_minus_en", "thought_suppression_rate",
        ];

        // Then each has its own label, not its key, and no two share one
        Assert.All(names, name => Assert.NotEqual(name, KindMetricLabels.Label(name)));
        Assert.Equal(names.Length, names.Select(KindMetricLabels.Label).Distinct().Count());
    }

    [Fact]
    public void An_unknown_metric_reads_as_its_name_and_as_a_plain_number()
    {
        // When / Then
        Assert.Equal(("my_custom_score", KindMetricUnit.Score), (KindMetricLabels.Label("my_custom_score"), KindMetricLabels.Unit("my_custom_score")));
    }

    [Fact]
    public void Shown_lists_headline_metrics_with_a_value_for_some_model_in_computed_order()
    {
        // Given two models: a breakdown, a metric NaN for both, one NaN for one model only, one only the second has
        var nan = new KindMetric(double.NaN, double.NaN, double.NaN, 0, "wilson");
        var teacher = Metrics("teacher", new()
        {
            ["hallucination_rate"] = KindMetric.Rate(0, 8),
            ["abstention_rate"] = nan,
            ["refusal_rate/topic=taiwan"] = KindMetric.Rate(1, 2),
            ["s_amb"] = nan,
        });
        var student = Metrics("student", new()
        {
            ["hallucination_rate"] = KindMetric.Rate(6, 14),
            ["abstention_rate"] = nan,
            ["s_amb"] = new KindMetric(0.2, 0.1, 0.3, 10, "bootstrap"),
            ["decision_changed_rate"] = KindMetric.Rate(1, 4),
        });

        // When
        var shown = KindMetricLabels.Shown([teacher, student]);

        // Then
        Assert.Equal(["hallucination_rate", "s_amb", "decision_changed_rate"], shown);
    }

    private static SuiteMetrics Metrics(string model, Dictionary<string, KindMetric> kind) => new()
    {
        Model = model,
        Suite = "s",
        Kind = SuiteKind.Hallucination,
        Metric = "correct_rate",
        Estimate = RateEstimate.Wilson(1, 2),
        KindMetrics = kind,
    };
}
