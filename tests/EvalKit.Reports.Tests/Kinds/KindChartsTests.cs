using EvalKit.Core.Kinds;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Reports.Tests.Kinds;

/// <summary>The charts a suite kind lists (<see cref="ISuiteKind.Charts"/>) are charts the report draws for its suites.</summary>
public class KindChartsTests
{
    [Fact]
    public void Every_chart_a_built_in_kind_lists_is_drawn_for_the_demo_suites_of_that_kind()
    {
        // Given the demo run, which has a suite of every built-in kind with charts
        using var temp = new TempDir();
        var report = ReportData.FromRuns([RunData.Load(DemoRun.Write(temp.File("results"), hostile: false))]);

        // When the report is written
        var files = ReportWriterCatalog.WriteAll(report, temp.File("report")).Select(Path.GetFileName).ToList();

        // Then each listed chart is there
        var listed = SuiteKindCatalog.Default.Kinds.SelectMany(k => k.Charts).ToList();
        Assert.NotEmpty(listed);
        Assert.All(listed, id => Assert.Contains($"chart-{id}.svg", files));
    }

    [Fact]
    public void A_kind_that_lists_no_charts_gets_none_of_the_kind_charts()
    {
        // Given the demo run reported with the bias and censorship suites' kinds stripped of their charts
        using var temp = new TempDir();
        var demo = ReportData.FromRuns([RunData.Load(DemoRun.Write(temp.File("results"), hostile: false))]);
        var report = demo with { Kinds = new SuiteKindCatalog([.. demo.Kinds.Kinds.Select(k => k.Charts.Count == 0 ? k : new Chartless(k))]) };

        // When the report is written
        var files = ReportWriterCatalog.WriteAll(report, temp.File("report")).Select(Path.GetFileName).ToList();

        // Then no kind chart is drawn, while the per-suite chart still is
        Assert.DoesNotContain(files, f => f is "chart-bias.svg" or "chart-hallucination.svg" or "chart-censorship-topic.svg" or "chart-censorship-language.svg");
        Assert.Contains("chart-suites.svg", files);
    }

    private sealed class Chartless(ISuiteKind kind) : ISuiteKind
    {
        public Core.Suites.SuiteKind Id => kind.Id;
        public Core.Metrics.MetricDescriptor DefaultMetric => kind.DefaultMetric;
        public IReadOnlyList<Core.Metrics.MetricDescriptor> Metrics => kind.Metrics;
        public IReadOnlyList<string> Charts => [];
    }
}
