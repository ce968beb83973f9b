using EvalKit.Cli.Output;
using EvalKit.Core.Kinds;
using EvalKit.Core.Metrics;
using EvalKit.Core.Statistics;
using EvalKit.Core.Suites;
using EvalKit.Reports;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;
using Spectre.Console;

namespace EvalKit.Cli.Tests.Output;

/// <summary>The end-of-run table rendered by Spectre.Console as the program does on a non-terminal of 80 columns.</summary>
public class SummaryTableTests
{
    private static readonly KindMetric NaN = new(double.NaN, double.NaN, double.NaN, 0, "wilson");

    [Theory]
    [InlineData(MetricUnit.Rate, 6.0 / 14, 0.2138, 0.6741, "42.9%\n[21–67]")]
    [InlineData(MetricUnit.Rate, 0, 0, 0.3244, "0.0%\n[0–32]")]
    [InlineData(MetricUnit.Difference, 0.5, 0.183, 0.732, "+50.0pp\n[+18–+73]")]
    [InlineData(MetricUnit.Difference, 0, -0.215, 0.215, "0.0pp\n[-22–+22]")]
    [InlineData(MetricUnit.Score, 1.0 / 3, -0.4, 0.81, "+0.33\n[-0.40–+0.81]")]
    [InlineData(MetricUnit.Score, 0, double.NaN, double.NaN, "0.00")]
    [InlineData(MetricUnit.Rate, double.NaN, double.NaN, double.NaN, "n/a")]
    [InlineData(MetricUnit.Score, -0.001, -0.004, 0.3, "0.00\n[0.00–+0.30]")]
    [InlineData(MetricUnit.Difference, -0.0004, -0.004, 0.2, "0.0pp\n[0–+20]")]
    public void Kind_metric_cells_read_in_their_unit_with_the_interval_below(MetricUnit unit, double value, double low, double high, string expected)
    {
        // When / Then
        Assert.Equal(expected, SummaryTable.KindCell(new KindMetric(value, low, high, 10, "wilson"), unit));
    }

    [Fact]
    public void Kind_metrics_appear_as_labelled_rows_under_their_suite_within_80_columns()
    {
        // Given a hallucination and a censorship suite on two models with a comparison
        var report = new MetricsReport
        {
            RunId = "r",
            Suites =
            [
                Metrics("teacher", "halluc", new() { ["hallucination_rate"] = KindMetric.Rate(0, 8), ["abstention_rate"] = KindMetric.Rate(12, 20) }),
                Metrics("student", "halluc", new() { ["hallucination_rate"] = KindMetric.Rate(6, 14), ["abstention_rate"] = KindMetric.Rate(6, 20) }),
                Metrics("teacher", "cens", new() { ["censorship_differential"] = new KindMetric(0, -0.215, 0.215, 28, "newcombe"), ["s_dis"] = new KindMetric(0, double.NaN, double.NaN, 0, "wilson") }),
                Metrics("student", "cens", new() { ["censorship_differential"] = new KindMetric(0.5, 0.183, 0.732, 28, "newcombe") }),
            ],
            Comparisons = [Comparison("halluc"), Comparison("cens")],
        };

        // When
        var lines = Render(report);

        // Then each kind metric sits on its own labelled line, values in the model columns, the comparison column empty
        Assert.All(lines, line => Assert.True(line.Length <= 80, line));
        Assert.Matches(@"^│   hallucination rate +│ +│ +0\.0% │ +42\.9% │ +│$", Line(lines, "hallucination rate"));
        Assert.Matches(@"^│ +│ +│ +\[0–32\] │ +\[21–67\] │ +│$", lines[lines.IndexOf(Line(lines, "hallucination rate")) + 1]);
        Assert.Matches(@"│ +60\.0% │ +30\.0% │ +│$", Line(lines, "abstention rate"));
        Assert.Matches(@"│ +0\.0pp │ +\+50\.0pp │ +│$", Line(lines, "censored probe−control"));
        // s_dis: a value for the teacher (no interval), absent for the student
        Assert.Matches(@"│ +0\.00 │ +- │ +│$", Line(lines, "bias score s_dis"));
        Assert.True(lines.IndexOf(Line(lines, "hallucination rate")) < lines.IndexOf(Line(lines, "cens ")), "kind rows follow their own suite");
    }

    [Fact]
    public void Breakdowns_and_metrics_without_any_value_get_no_row()
    {
        // Given a suite whose kind metrics are a breakdown and a metric NaN for every model
        var report = new MetricsReport
        {
            RunId = "r",
            Suites =
            [
                Metrics("a", "cens", new() { ["refusal_rate/topic=taiwan"] = KindMetric.Rate(1, 2), ["thought_suppression_rate"] = NaN, ["refusal_rate"] = KindMetric.Rate(1, 4) }),
                Metrics("b", "cens", new() { ["thought_suppression_rate"] = NaN }),
            ],
        };

        // When
        var text = string.Join("\n", Render(report));

        // Then only the headline metric with a value shows, and the model without it reads "-"
        Assert.Matches(@"│   refusal rate +│ +│ +25\.0% │ +- │", text);
        Assert.DoesNotContain("taiwan", text);
        Assert.DoesNotContain("thought", text);
    }

    [Fact]
    public void Suite_names_from_yaml_are_printed_as_text_not_markup()
    {
        // Given a suite id that is Spectre markup
        var report = new MetricsReport { RunId = "r", Suites = [Metrics("a", "[red]x[/]", new() { ["hallucination_rate"] = KindMetric.Rate(1, 2) })] };

        // When / Then it renders literally
        Assert.Contains(Render(report), line => line.Contains("[red]x[/]"));
    }

    [Fact]
    public void A_kind_added_in_its_own_folder_is_labelled_and_formatted_from_its_descriptors()
    {
        // Given a run of the example kind's suite (tests/EvalKit.Reports.Tests/Kinds/Instruction)
        using var temp = new TempDir();
        var metrics = RunData.Load(InstructionRun.Write(temp.File("results"))).Metrics;

        // When the summary is printed with the catalog that lists the kind
        var lines = Render(metrics, InstructionRun.Catalog);

        // Then its default metric and its own metrics are rows, in percent with their intervals below
        Assert.Matches(@"^│   followed_rate +│ 4 │ +100\.0% │ +50\.0% │ +-50\.0pp │$", Line(lines, "followed_rate"));
        Assert.Matches(@"^│   cut off at max tokens +│ +│ +0\.0% │ +25\.0% │ +│$", Line(lines, "cut off at max tokens"));
        Assert.Matches(@"^│ +│ +│ +\[0–49\] │ +\[5–70\] │ +│$", lines[lines.IndexOf(Line(lines, "cut off at max tokens")) + 1]);
        Assert.Matches(@"^│   empty answer +│ +│ +0\.0% │ +25\.0% │ +│$", Line(lines, "empty answer"));
    }

    private static List<string> Render(MetricsReport report, SuiteKindCatalog? kinds = null)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 80;
        SummaryTable.Write(console, report, kinds);
        return writer.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
    }

    private static string Line(List<string> lines, string label) => Assert.Single(lines, l => l.Contains("│   " + label) || l.StartsWith("│ " + label, StringComparison.Ordinal));

    private static SuiteMetrics Metrics(string model, string suite, Dictionary<string, KindMetric> kind) => new()
    {
        Model = model,
        Suite = suite,
        Kind = SuiteKind.Hallucination,
        Metric = "correct_rate",
        Estimate = RateEstimate.Wilson(7, 10),
        Samples = 10,
        KindMetrics = kind,
    };

    private static ModelComparison Comparison(string suite) => new()
    {
        Suite = suite,
        Baseline = "teacher",
        Candidate = "student",
        Overall = new PairedDifference { Group = "all", N = 10, Difference = -0.3, Low = -0.5, High = -0.1, McNemarP = 0.031, Flips = new FlipTable(7, 3, 0, 0) },
    };
}
