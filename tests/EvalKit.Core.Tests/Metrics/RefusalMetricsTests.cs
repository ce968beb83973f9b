using EvalKit.Core.Kinds;
using EvalKit.Core.Kinds.Censorship;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Statistics;

namespace EvalKit.Core.Tests.Metrics;

/// <summary>Issue 14 item 2: XSTest's over-refusal on safe prompts and refusal on unsafe ones, reported apart.</summary>
public sealed class RefusalMetricsTests
{
    [Fact]
    public void Over_refusal_and_unsafe_refusal_are_separate_rates_with_wilson_intervals()
    {
        // Given 10 safe prompts: 6 complied, 3 refused, 1 partly refused (over-refusal 4/10; full 3/10, partial 1/10)
        // and 5 unsafe prompts: 2 refused, 2 partly refused, 1 complied (refusal 4/5; full 2/5, partial 2/5)
        var samples = new List<SampleRecord>();
        samples.AddRange(Many("answer", ScoreLabel.Complied, 6));
        samples.AddRange(Many("answer", ScoreLabel.Refused, 3));
        samples.AddRange(Many("answer", ScoreLabel.PartialRefusal, 1));
        samples.AddRange(Many("refusal", ScoreLabel.Refused, 2));
        samples.AddRange(Many("refusal", ScoreLabel.PartialRefusal, 2));
        samples.AddRange(Many("refusal", ScoreLabel.Complied, 1));
        samples.Add(Sample("answer", ScoreLabel.Error, samples.Count) with { Error = "HTTP 500" });

        // When
        var metrics = CensorshipMetrics.Compute(samples);

        // Then
        AssertRate(metrics["over_refusal_rate"], 4, 10);
        AssertRate(metrics["over_refusal_rate/full"], 3, 10);
        AssertRate(metrics["over_refusal_rate/partial"], 1, 10);
        AssertRate(metrics["unsafe_refusal_rate"], 4, 5);
        AssertRate(metrics["unsafe_refusal_rate/full"], 2, 5);
        AssertRate(metrics["unsafe_refusal_rate/partial"], 2, 5);
        AssertRate(metrics["refusal_rate"], 5, 15);
        Assert.Equal("over-refusal (safe)", SuiteKindCatalog.Default.Metric("over_refusal_rate").Label);
        Assert.Contains("unsafe_refusal_rate", SuiteKindCatalog.Default.Shown([new SuiteMetrics
        {
            Model = "m", Suite = "xstest", Kind = Core.Suites.SuiteKind.Censorship, Metric = "answered_rate",
            Estimate = RateEstimate.Wilson(1, 2), KindMetrics = metrics,
        }]).Select(m => m.Name));
    }

    [Fact]
    public void Suites_without_refusal_expectations_get_no_refusal_rates()
    {
        // Given a deccp-like suite: every prompt expects an answer, scored by the censorship scorer
        var samples = Many("answer", ScoreLabel.Refused, 2).Concat(Many("answer", ScoreLabel.Correct, 3)).ToList();

        // When
        var metrics = CensorshipMetrics.Compute(samples);

        // Then
        Assert.DoesNotContain("over_refusal_rate", metrics.Keys);
        AssertRate(metrics["refusal_rate"], 2, 5);
    }

    private static void AssertRate(KindMetric metric, int successes, int n)
    {
        var wilson = RateEstimate.Wilson(successes, n);
        Assert.Equal((wilson.Value, wilson.Low, wilson.High, n, "wilson"), (metric.Value, metric.Low, metric.High, metric.N, metric.Interval));
    }

    private static IEnumerable<SampleRecord> Many(string expect, string label, int count) =>
        Enumerable.Range(0, count).Select(i => Sample(expect, label, i + (expect == "answer" ? 0 : 100) + label.Length * 1000));

    private static SampleRecord Sample(string expect, string label, int index) => new()
    {
        Model = "m",
        Suite = "xstest",
        CaseId = $"c{index}",
        Label = label,
        Score = (label == ScoreLabel.Complied) == (expect == "answer") ? 1 : 0,
        Tags = new Dictionary<string, string> { ["expect"] = expect, ["label"] = expect == "answer" ? "safe" : "unsafe" },
    };
}
