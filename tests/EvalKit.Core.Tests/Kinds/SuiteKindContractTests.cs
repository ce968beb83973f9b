using System.Text.Json;
using System.Text.RegularExpressions;
using EvalKit.Core.Kinds;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Statistics;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Kinds;

/// <summary>
/// What every suite kind in the catalog owes the outputs that read it: a default metric that is a rate where higher is
/// better, a labelled and unit-bearing descriptor for each headline metric it computes, and names no other kind uses
/// differently. A built-in kind is checked by being in <see cref="SuiteKindCatalog.Default"/>; the example kind of
/// tests/EvalKit.Reports.Tests/Kinds shows a kind added in its own folder.
/// </summary>
public class SuiteKindContractTests
{
    public static TheoryData<string> Kinds => new(SuiteKindCatalog.Default.Names);

    [Fact]
    public void The_catalog_lists_the_built_in_kinds_in_the_order_suite_errors_name_them()
    {
        Assert.Equal(["accuracy", "hallucination", "bias", "censorship", "custom"], SuiteKindCatalog.Default.Names);
        Assert.Equal(["accuracy", "correct_rate", "unbiased_rate", "answered_rate"], SuiteKindCatalog.Default.DefaultMetricNames);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_default_metric_is_a_rate_where_higher_is_better(string name)
    {
        // Given the kind: its default metric is the share of samples scored right, and verdicts call a drop "worse"
        var kind = SuiteKindCatalog.Default.Find(name)!;

        // Then
        Assert.Equal(name, kind.Id.Name);
        Assert.Equal((MetricUnit.Rate, true), (kind.DefaultMetric.Unit, kind.DefaultMetric.HigherIsBetter));
        Assert.Matches("^[a-z][a-z0-9_]*$", kind.DefaultMetric.Name);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_headline_metric_has_its_own_label(string name)
    {
        // Given the kind's descriptors
        var metrics = SuiteKindCatalog.Default.Find(name)!.Metrics;

        // Then each names a metrics.json key (no breakdown), has a label of its own, and no two share a label
        Assert.All(metrics, m => Assert.Matches("^[a-z][a-z0-9_]*$", m.Name));
        Assert.All(metrics, m => Assert.False(string.IsNullOrWhiteSpace(m.Label) || m.Label == m.Name, m.Name));
        Assert.Equal(metrics.Count, metrics.Select(m => m.Label).Distinct().Count());
        Assert.Equal(metrics.Count, metrics.Select(m => m.Name).Distinct().Count());
    }

    [Fact]
    public void A_metric_name_means_the_same_in_every_kind()
    {
        // Given every descriptor of every kind
        var all = SuiteKindCatalog.Default.Kinds.SelectMany(k => k.Metrics.Prepend(k.DefaultMetric)).ToList();

        // Then a name used twice (accuracy: accuracy and custom) is described identically, so lookups by name are safe
        Assert.All(all.GroupBy(m => m.Name), same => Assert.Single(same.Distinct()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_headline_metric_a_kind_computes_has_a_descriptor(string name)
    {
        // Given samples with every label and every tag the built-in kinds read
        var kind = SuiteKindCatalog.Default.Find(name)!;

        // When the kind computes its metrics
        var computed = kind.Compute(VariedSamples()).Keys.Where(key => !key.Contains('/')).ToList();

        // Then each headline name is described by the kind itself, and a kind with descriptors computes something
        Assert.All(computed, key => Assert.Contains(key, kind.Metrics.Select(m => m.Name)));
        Assert.Equal(kind.Metrics.Count > 0, computed.Count > 0);
    }

    [Fact]
    public void Formatting_never_prints_a_negative_zero()
    {
        // Given values that round to zero from below, in every unit and style
        double[] values = [-0.0, -1e-9, -0.00004, -0.0004, -0.004, -0.0049];
        var descriptors = SuiteKindCatalog.Default.Kinds.SelectMany(k => k.Metrics.Prepend(k.DefaultMetric)).Append(MetricDescriptor.Plain("x"));

        // When each is formatted as a value and as an interval
        var texts = (from d in descriptors
                     from style in new[] { MetricStyle.Console, MetricStyle.Report }
                     from v in values
                     select (d.Name, Text: d.Value(v, style) + " " + d.Interval(v, v, style))).ToList();

        // Then no text has a minus before a zero
        Assert.All(texts, t => Assert.DoesNotMatch(new Regex("[-−]0(?:\\.0*)?(?![.0-9])"), t.Text));
    }

    [Theory]
    [InlineData("hallucination_rate", "hallucination rate", MetricUnit.Rate)]
    [InlineData("abstention_rate", "abstention rate", MetricUnit.Rate)]
    [InlineData("s_dis", "bias score s_dis", MetricUnit.Score)]
    [InlineData("s_amb", "bias score s_amb", MetricUnit.Score)]
    [InlineData("decision_changed_rate", "decision changed", MetricUnit.Rate)]
    [InlineData("refusal_rate", "refusal rate", MetricUnit.Rate)]
    [InlineData("censorship_differential", "censored probe−control", MetricUnit.Difference)]
    [InlineData("language_gap_zh_minus_en", "censored zh−en", MetricUnit.Difference)]
    public void Known_kind_metrics_have_a_short_label_and_their_unit(string name, string label, MetricUnit unit)
    {
        // When
        var metric = SuiteKindCatalog.Default.Metric(name);

        // Then
        Assert.Equal((label, unit), (metric.Label, metric.Unit));
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
        Assert.All(names, name => Assert.NotEqual(name, SuiteKindCatalog.Default.Metric(name).Label));
        Assert.Equal(names.Length, names.Select(n => SuiteKindCatalog.Default.Metric(n).Label).Distinct().Count());
    }

    [Fact]
    public void An_unknown_metric_reads_as_its_name_and_as_a_plain_number()
    {
        // When
        var metric = SuiteKindCatalog.Default.Metric("my_custom_score");

        // Then
        Assert.Equal(("my_custom_score", MetricUnit.Score), (metric.Label, metric.Unit));
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
        var shown = SuiteKindCatalog.Default.Shown([teacher, student]);

        // Then
        Assert.Equal(["hallucination_rate", "s_amb", "decision_changed_rate"], shown.Select(m => m.Name));
    }

    [Fact]
    public void A_kind_this_build_does_not_know_counts_as_custom_and_a_kind_cannot_be_listed_twice()
    {
        // When / Then
        Assert.Equal(SuiteKind.Custom, SuiteKindCatalog.Default.For(new SuiteKind("from_a_newer_build")).Id);
        Assert.Null(SuiteKindCatalog.Default.Find("Bias"));
        Assert.Throws<ArgumentException>(() => SuiteKindCatalog.Default.With(SuiteKindCatalog.Default.Kinds[0]));
    }

    [Fact]
    public void Kinds_and_verdicts_keep_their_json_wire_form()
    {
        // Given a suite manifest entry and a paired difference that is significantly worse
        var difference = new PairedDifference { Group = "all", N = 20, Difference = -0.3, McNemarP = 0.01, Flips = new FlipTable(10, 6, 0, 4) };

        // When written as EvalKit writes every file
        var kind = JsonSerializer.Serialize(SuiteKind.Bias, JsonDefaults.Compact);
        var verdicts = JsonSerializer.Serialize(
            new[] { difference, difference with { McNemarP = 0.5 }, difference with { Difference = 0.3 } }, JsonDefaults.Compact);

        // Then the kind is its name and the verdicts are snake_case words, as before they were typed
        Assert.Equal("\"bias\"", kind);
        Assert.Equal(SuiteKind.Bias, JsonSerializer.Deserialize<SuiteKind>(kind, JsonDefaults.Compact));
        Assert.Equal(["worse", "no_significant_difference", "better"],
            Regex.Matches(verdicts, "\"verdict\":\"([a-z_]+)\"").Select(m => m.Groups[1].Value));
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

    /// <summary>Every label crossed with the tags the built-in kinds read, so each kind's branches are taken.</summary>
    private static List<SampleRecord> VariedSamples()
    {
        string[] labels =
        [
            ScoreLabel.Correct, ScoreLabel.Incorrect, ScoreLabel.Abstained, ScoreLabel.Refused, ScoreLabel.Deflected,
            ScoreLabel.OneSided, ScoreLabel.Complied, ScoreLabel.PartialRefusal, ScoreLabel.Error,
        ];
        Dictionary<string, string>[] tags =
        [
            new() { ["type"] = "probe", ["role"] = "probe", ["language"] = "zh", ["topic"] = "taiwan", ["expect"] = "refusal" },
            new() { ["role"] = "control", ["language"] = "en", ["topic"] = "taiwan", ["expect"] = "answer" },
            new() { ["hallucination"] = "yes" },
            new() { ["context"] = "ambiguous", ["stereotyped"] = "A", ["category"] = "age", ["pair"] = "p1", ["swap"] = "" },
            new() { ["context"] = "disambiguated", ["stereotyped"] = "B", ["category"] = "age", ["pair"] = "p1", ["swap"] = "" },
        ];
        return
        [
            .. from label in labels
               from tagSet in tags.Select((t, i) => (Tags: t, Index: i))
               select new SampleRecord
               {
                   Model = "m", Suite = "s", CaseId = $"{label}-{tagSet.Index}", Label = label,
                   Score = label is ScoreLabel.Correct or ScoreLabel.Complied ? 1 : 0,
                   Extracted = tagSet.Index % 2 == 0 ? "A" : "B", Choices = ["one", "two", "unknown"],
                   Tags = tagSet.Tags, ReasoningState = ReasoningState.Empty, ThoughtSuppressed = true,
               },
        ];
    }
}
