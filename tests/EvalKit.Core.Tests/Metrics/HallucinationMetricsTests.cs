using EvalKit.Core.Kinds;
using EvalKit.Core.Kinds.Hallucination;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;

namespace EvalKit.Core.Tests.Metrics;

public class HallucinationMetricsTests
{
    [Fact]
    public void HaluEval_detection_cases_report_a_detection_error_rate_not_a_hallucination_rate()
    {
        // Given 10 HaluEval-style cases ("does this response hallucinate?", tag hallucination: yes|no) the model
        // misjudges 3 of, and 4 SimpleQA-style questions: 2 correct, 1 incorrect, 1 abstained
        var samples = new List<SampleRecord>();
        for (var i = 0; i < 10; i++)
            samples.Add(Sample($"h{i}", i < 3 ? ScoreLabel.Incorrect : ScoreLabel.Correct, ("hallucination", i % 2 == 0 ? "yes" : "no")));
        samples.Add(Sample("q0", ScoreLabel.Correct));
        samples.Add(Sample("q1", ScoreLabel.Correct));
        samples.Add(Sample("q2", ScoreLabel.Incorrect));
        samples.Add(Sample("q3", ScoreLabel.Abstained));

        // When
        var metrics = HallucinationMetrics.Compute(samples);
        var haluOnly = HallucinationMetrics.Compute([.. samples.Take(10)]);

        // Then detection errors are 3/10, and the hallucination rate counts only the questions: 1 of 3 attempted
        Assert.Equal((0.3, 10), (metrics["detection_error_rate"].Value, metrics["detection_error_rate"].N));
        Assert.Equal((1.0 / 3, 3), (metrics["hallucination_rate"].Value, metrics["hallucination_rate"].N));
        Assert.Equal((0.25, 4), (metrics["abstention_rate"].Value, metrics["abstention_rate"].N));
        Assert.Equal(["detection_error_rate"], haluOnly.Keys);
        Assert.Equal("detection error (1 − accuracy)", SuiteKindCatalog.Default.Metric("detection_error_rate").Label);
    }

    private static SampleRecord Sample(string id, string label, params (string Key, string Value)[] tags) => new()
    {
        Model = "m",
        Suite = "s",
        CaseId = id,
        Label = label,
        Score = label == ScoreLabel.Correct ? 1 : 0,
        Tags = tags.ToDictionary(t => t.Key, t => t.Value),
    };
}
