using System.Text.RegularExpressions;
using EvalKit.Core.Kinds;
using EvalKit.Core.Metrics;
using EvalKit.Core.Suites;
using EvalKit.Reports.Tests.Kinds.Instruction;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Reports.Tests.Kinds;

/// <summary>
/// Adding a suite kind is adding one folder (<c>Kinds/Instruction</c>) and listing it in a catalog: the suite loads
/// from YAML, its metrics are computed and written to metrics.json, and summary.md and index.html label and format
/// them from its descriptors, with no other file touched (docs/architecture.md, "Adding a suite kind").
/// </summary>
public class ExampleKindTests
{
    [Fact]
    public void A_suite_of_a_kind_no_catalog_lists_is_refused_naming_the_known_kinds()
    {
        // When the example suite is loaded with the built-in kinds only
        var error = Assert.Throws<SuiteValidationException>(() => SuiteLoader.Parse(InstructionRun.Yaml, "instruction.yaml", new SuiteLoadOptions()));

        // Then the kind is unknown and the hint lists the catalog
        Assert.Contains("unknown kind 'instruction'", error.Message);
        Assert.Contains("kinds: accuracy, hallucination, bias, censorship, custom", error.Message);
    }

    [Fact]
    public void The_example_kind_loads_from_yaml_and_its_metrics_are_computed_into_metrics_json()
    {
        // Given a run of the example suite, written with the catalog that lists the example kind
        using var temp = new TempDir();
        var run = RunData.Load(InstructionRun.Write(temp.File("results")));

        // Then metrics.json names the kind and its default metric, and holds its metrics per model
        Assert.Contains("\"kind\": \"instruction\"", File.ReadAllText(Path.Combine(run.Directory.Path, MetricsReport.FileName)));
        var student = run.Metrics.Suites.Single(m => m.Model == "student");
        Assert.Equal((new SuiteKind("instruction"), "followed_rate", 2, 4), (student.Kind, student.Metric, student.Estimate.Successes, student.Estimate.N));
        Assert.Equal((1, 4), Count(student.KindMetrics["truncated_rate"]));
        Assert.Equal((1, 4), Count(student.KindMetrics["empty_answer_rate"]));
        Assert.Equal((0, 4), Count(run.Metrics.Suites.Single(m => m.Model == "teacher").KindMetrics["truncated_rate"]));
    }

    [Fact]
    public void Summary_md_and_index_html_label_and_format_the_example_kind_from_its_descriptors()
    {
        // Given the example run, reported with the catalog that lists the example kind
        using var temp = new TempDir();
        var report = ReportData.FromRuns([RunData.Load(InstructionRun.Write(temp.File("results")))]) with { Kinds = InstructionRun.Catalog };

        // When summary.md and index.html are written
        ReportWriterCatalog.WriteAll(report, temp.File("report"));
        var markdown = File.ReadAllText(temp.File("report/summary.md"));
        var html = File.ReadAllText(temp.File("report/index.html"));

        // Then each metric is a row with its label, as a percentage with its Wilson interval (0/4: [0, 49.0]; 1/4: [4.6, 69.9])
        Assert.Contains("| follow-format | followed\\_rate | 100.0% [51.0, 100.0] n=4 | 50.0% [15.0, 85.0] n=4 |", markdown);
        Assert.Contains("|  | cut off at max tokens | 0.0% [0.0, 49.0] n=4 | 25.0% [4.6, 69.9] n=4 |", markdown);
        Assert.Contains("|  | empty answer | 0.0% [0.0, 49.0] n=4 | 25.0% [4.6, 69.9] n=4 |", markdown);
        Assert.Contains("<td><span class=\"kind\">cut off at max tokens</span></td><td>0.0% <span class=\"ci\">[0.0, 49.0] n=4</span></td>" +
            "<td>25.0% <span class=\"ci\">[4.6, 69.9] n=4</span></td>", html);
    }

    [Fact]
    public void Without_the_kind_in_the_catalog_its_metrics_read_as_plain_numbers_under_their_names()
    {
        // Given the same run reported with the built-in kinds only
        using var temp = new TempDir();
        var report = ReportData.FromRuns([RunData.Load(InstructionRun.Write(temp.File("results")))]);

        // When
        var markdown = MarkdownSummaryWriter.Render(report);

        // Then the descriptors were what made the labels and percentages
        Assert.Contains("|  | truncated\\_rate | 0.00 [0.00, +0.49] n=4 | +0.25 [+0.05, +0.70] n=4 |", markdown);
        Assert.DoesNotMatch(new Regex("cut off at max tokens"), markdown);
    }

    private static (int, int) Count(KindMetric metric) => ((int)Math.Round(metric.Value * metric.N), metric.N);
}
