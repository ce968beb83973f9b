using EvalKit.Core;
using EvalKit.Reports.Gates;
using EvalKit.TestSupport;

namespace EvalKit.Reports.Tests.Gates;

public class GateSpecTests
{
    [Fact]
    public void Fail_if_reads_metric_operator_threshold_and_optional_suite()
    {
        var plain = GateSpec.FailIf("accuracy < 0.70");
        var scoped = GateSpec.FailIf("demo-accuracy.accuracy>=70%");

        Assert.Equal((null, "accuracy", "<", 0.70), (plain.Suite, plain.Metric, plain.Operator, plain.Threshold));
        Assert.Equal(("demo-accuracy", "accuracy", ">=", 0.70), (scoped.Suite, scoped.Metric, scoped.Operator, scoped.Threshold), new FractionComparer());
    }

    [Theory]
    [InlineData("accuracy=2pp", 0.02)]
    [InlineData("accuracy=2%", 0.02)]
    [InlineData("accuracy = 0.02", 0.02)]
    public void Max_regression_amounts_in_points_percent_or_fraction_mean_the_same(string text, double expected)
    {
        Assert.Equal(expected, GateSpec.MaxRegression(text).Threshold, 10);
    }

    [Theory]
    [InlineData("acuracy < 0.7", "Did you mean 'accuracy'")]
    [InlineData("accuracy < 70", "outside 0..1")]
    [InlineData("accuracy 0.7", "METRIC OP VALUE")]
    [InlineData("accuracy < lots", "not a number")]
    public void Bad_gates_are_refused_with_what_to_write(string text, string hint)
    {
        var error = Assert.Throws<EvalKitException>(() => GateSpec.FailIf(text));

        Assert.Equal(ErrorKind.BadInput, error.Kind);
        Assert.Contains(hint, error.Message + " " + error.Hint);
    }

    [Fact]
    public void Gates_file_reads_single_values_and_lists_of_every_kind()
    {
        using var temp = new TempDir();
        var file = temp.Write("gates.yaml", """
            fail_if:
              - accuracy < 0.70
              - "demo-hallucination.correct_rate < 50%"
            max_regression: accuracy=2pp
            max_refusal_differential: 0.1
            """);

        var gates = GatesFile.Load(file);

        Assert.Equal([GateKind.FailIf, GateKind.FailIf, GateKind.MaxRegression, GateKind.MaxRefusalDifferential], gates.Select(g => g.Kind));
        Assert.Equal("demo-hallucination", gates[1].Suite);
        Assert.Equal(0.1, gates[3].Threshold, 10);
    }

    [Fact]
    public void Gates_file_errors_name_the_line_and_suggest_the_key()
    {
        using var temp = new TempDir();
        var file = temp.Write("gates.yaml", "fail_if: accuracy < 0.7\nmax_regresion: accuracy=2pp\n");

        var error = Assert.Throws<EvalKitException>(() => GatesFile.Load(file));

        Assert.Contains("gates.yaml:2:1", error.Message);
        Assert.Contains("Did you mean 'max_regression'", error.Message);
    }

    private sealed class FractionComparer : IEqualityComparer<(string?, string?, string?, double)>
    {
        public bool Equals((string?, string?, string?, double) x, (string?, string?, string?, double) y) =>
            (x.Item1, x.Item2, x.Item3) == (y.Item1, y.Item2, y.Item3) && Math.Abs(x.Item4 - y.Item4) < 1e-12;

        public int GetHashCode((string?, string?, string?, double) obj) => 0;
    }
}
