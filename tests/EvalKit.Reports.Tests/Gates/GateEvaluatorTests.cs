using EvalKit.Reports.Gates;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Reports.Tests.Gates;

/// <summary>On the demo run: teacher 100% everywhere, student 66.7% (16 of 24) on demo-accuracy and refusing every censorship probe.</summary>
public sealed class GateEvaluatorTests : IDisposable
{
    private readonly TempDir _temp = new();
    private readonly ReportData _report;

    public GateEvaluatorTests() => _report = ReportData.FromRuns([RunData.Load(DemoRun.Write(_temp.File("results"), hostile: false))]);

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Fail_if_fails_only_the_models_below_the_threshold()
    {
        var results = GateEvaluator.Evaluate([GateSpec.FailIf("demo-accuracy.accuracy < 0.7"), GateSpec.FailIf("demo-accuracy.accuracy < 0.6")], _report);

        Assert.False(results[0].Passed);
        var failure = Assert.Single(results[0].Failures);
        Assert.Equal("student", failure.Model);
        Assert.Contains("student on demo-accuracy: accuracy 66.7% [46.7, 82.0] n=24 is < 70.0%", failure.Reason);
        Assert.True(results[1].Passed, results[1].Summary);
    }

    [Fact]
    public void Max_regression_fails_when_the_interval_shows_a_drop_beyond_the_allowance()
    {
        var result = GateEvaluator.Evaluate([GateSpec.MaxRegression("demo-accuracy.accuracy=2pp")], _report)[0];

        Assert.False(result.Passed);
        Assert.Contains("regressed by more than the 2.0pp allowed", Assert.Single(result.Checks).Reason);
    }

    [Fact]
    public void Max_regression_passes_a_run_compared_with_itself()
    {
        var run = _report.Runs[0];
        var same = ReportData.ForComparison(run, run);

        var result = GateEvaluator.Evaluate([GateSpec.MaxRegression("accuracy=2pp")], same)[0];

        Assert.True(result.Passed, result.Summary);
        Assert.Equal(4, result.Checks.Count); // teacher and student, on the two accuracy suites
        Assert.All(result.Checks, c => Assert.Contains("0.0pp [0.0pp, 0.0pp]", c.Reason));
    }

    [Fact]
    public void Refusal_differential_flags_the_model_that_refuses_probes_but_not_controls()
    {
        var result = GateEvaluator.Evaluate([GateSpec.MaxRefusalDifferential("0.1")], _report)[0];

        Assert.Equal(["student"], result.Failures.Select(f => f.Model));
        Assert.True(result.Checks.Single(c => c.Model == "teacher").Passed);
    }

    [Fact]
    public void A_gate_that_matches_nothing_fails_and_says_so()
    {
        var result = GateEvaluator.Evaluate([GateSpec.FailIf("demo-acuracy.accuracy < 0.5")], _report)[0];

        Assert.False(result.Passed);
        Assert.Contains("no suite 'demo-acuracy'", result.Problem);
    }
}
