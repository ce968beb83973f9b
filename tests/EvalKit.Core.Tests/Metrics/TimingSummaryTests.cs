using EvalKit.Core.Metrics;
using EvalKit.Core.Results;

namespace EvalKit.Core.Tests.Metrics;

public class TimingSummaryTests
{
    private static SampleRecord Sample(string id, int promptTokens, int completionTokens, double ttftMs, double totalMs, double? firstAnswerMs = null) => new()
    {
        Model = "m",
        Suite = "s",
        CaseId = id,
        Label = "correct",
        FinishReason = "stop",
        PromptTokens = promptTokens,
        CompletionTokens = completionTokens,
        TimeToFirstTokenMs = ttftMs,
        TotalMs = totalMs,
        TimeToFirstAnswerTokenMs = firstAnswerMs,
    };

    [Fact]
    public void Summary_follows_the_documented_formulas_on_hand_values()
    {
        // Given: TPOT = (total - ttft) / (n - 1) = 10, 20, 40 ms; tokens/s = 1000 / TPOT = 100, 50, 25
        var samples = new[]
        {
            Sample("a", 100, 11, 50, 150, firstAnswerMs: 120),
            Sample("b", 100, 6, 100, 200, firstAnswerMs: 150),
            Sample("c", 300, 3, 150, 230),
        };

        // When
        var timing = SampleTimings.Summarise("m", samples);

        // Then
        Assert.Equal(3, timing.Samples);
        AssertDistribution((3, 100, 100, 140, 149), timing.TimeToFirstTokenMs);            // sorted 50, 100, 150
        AssertDistribution((3, 70.0 / 3, 20, 36, 39.6), timing.TimePerOutputTokenMs);      // sorted 10, 20, 40
        AssertDistribution((3, 175.0 / 3, 50, 90, 99), timing.GenerationTokensPerSecond);  // sorted 25, 50, 100
        AssertDistribution((3, 5000.0 / 3, 2000, 2000, 2000), timing.PromptTokensPerSecond); // 100/0.05, 100/0.1, 300/0.15
        AssertDistribution((2, 135, 135, 147, 149.7), timing.TimeToFirstAnswerTokenMs);     // sorted 120, 150
    }

    [Fact]
    public void Cached_failed_loglikelihood_and_empty_samples_are_left_out()
    {
        // Given
        var samples = new[]
        {
            Sample("timed", 10, 2, 5, 15),
            Sample("cached", 10, 2, 1, 2) with { Cached = true },
            Sample("failed", 10, 0, 0, 0) with { Error = "boom", Label = "error" },
            Sample("loglik", 10, 4, 0, 30) with { FinishReason = null },
            Sample("nothing", 10, 0, 3, 3),
        };

        // When
        var timing = SampleTimings.Summarise("m", samples);

        // Then
        Assert.Equal((1, 1), (timing.Samples, timing.CachedSamples));
        Assert.Equal(5.0, timing.TimeToFirstTokenMs!.P50);
        Assert.Equal(100.0, timing.GenerationTokensPerSecond!.P50);
        Assert.Null(timing.TimeToFirstAnswerTokenMs);
    }

    [Fact]
    public void One_token_answers_have_a_first_token_time_but_no_decode_speed()
    {
        // When
        var timing = SampleTimings.Summarise("m", [Sample("one", 10, 1, 5, 5)]);

        // Then
        Assert.Equal(1, timing.TimeToFirstTokenMs!.Samples);
        Assert.Null(timing.TimePerOutputTokenMs);
        Assert.Null(timing.GenerationTokensPerSecond);
    }

    [Fact]
    public void Metrics_report_has_one_timing_entry_per_model_in_run_order()
    {
        // Given
        var samples = new[] { Sample("a", 1, 2, 1, 3) with { Model = "student" }, Sample("a", 1, 2, 1, 3) with { Model = "teacher" } };

        // When
        var report = MetricsCalculator.Compute("run", [], samples, ["teacher", "student"]);

        // Then
        Assert.Equal(["teacher", "student"], report.Timing.Select(t => t.Model));
    }

    private static void AssertDistribution((int Samples, double Mean, double P50, double P90, double P99) expected, TimingDistribution? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.Samples, actual.Samples);
        Assert.Equal(expected.Mean, actual.Mean, 9);
        Assert.Equal(expected.P50, actual.P50, 9);
        Assert.Equal(expected.P90, actual.P90, 9);
        Assert.Equal(expected.P99, actual.P99, 9);
    }
}
