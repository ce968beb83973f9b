using System.Text;
using EvalKit.Reports.Internal;
using static EvalKit.Reports.Internal.Format;
using static EvalKit.Reports.Internal.MarkdownText;

namespace EvalKit.Reports;

/// <summary>
/// <c>summary.md</c>: gates, each suite's default metric per model, and the paired differences, short enough for a CI
/// job summary (<c>$GITHUB_STEP_SUMMARY</c>). Every value from data is escaped so it renders as plain text.
/// </summary>
public sealed class MarkdownSummaryWriter : IReportWriter
{
    public const string FileName = "summary.md";

    public string Name => "markdown";

    public string Description => $"{FileName}: gates and headline numbers for a CI job summary";

    public IReadOnlyList<string> Write(ReportData report, string outputDirectory) =>
        [OutputFolder.Write(outputDirectory, FileName, Render(report))];

    public static string Render(ReportData report)
    {
        var md = new StringBuilder();
        md.AppendLine($"## EvalKit report: {Escape(report.Title)}").AppendLine();
        Gates(md, report);
        Results(md, report);
        Comparisons(md, report);
        foreach (var note in report.Notes)
            md.AppendLine($"> {Escape(note)}").AppendLine();
        md.AppendLine($"<sub>Runs: {string.Join(", ", report.Runs.Select(r => $"{Escape(r.RunId)} ({r.Samples.Count} samples, EvalKit {Escape(r.Manifest.EvalkitVersion)})"))}. Full report with charts and every answer: index.html.</sub>");
        return md.ToString();
    }

    private static void Gates(StringBuilder md, ReportData report)
    {
        if (report.Gates.Count == 0)
            return;
        var failed = report.Gates.Count(g => !g.Passed);
        md.AppendLine(failed == 0
            ? $"**Gates: ✅ all {report.Gates.Count} passed**"
            : $"**Gates: ❌ {failed} of {report.Gates.Count} failed**").AppendLine();
        md.AppendLine(Row("gate", "result", "details")).AppendLine(Row("---", "---", "---"));
        foreach (var gate in report.Gates)
            md.AppendLine(Row(Escape(gate.Gate.ToString()), gate.Passed ? "✅ pass" : "❌ fail", Escape(gate.Summary)));
        md.AppendLine();
    }

    private static void Results(StringBuilder md, ReportData report)
    {
        md.AppendLine("### Results (95% Wilson intervals)").AppendLine();
        md.AppendLine(Row(["suite", "metric", .. report.Models.Select(Escape)]));
        md.AppendLine(Row(["---", "---", .. report.Models.Select(_ => "---:")]));
        foreach (var suite in report.Metrics.GroupBy(m => m.Suite))
        {
            var cells = report.Models.Select(model => suite.FirstOrDefault(m => m.Model == model) is { } m
                ? $"{Percent(m.Estimate.Value)} {Interval(m.Estimate.Low, m.Estimate.High)} n={m.Estimate.N}" + (m.Errors > 0 ? $" ({m.Errors} failed)" : "")
                : "–");
            md.AppendLine(Row([Escape(suite.Key), Escape(suite.First().Metric), .. cells]));
        }
        md.AppendLine();
    }

    private static void Comparisons(StringBuilder md, ReportData report)
    {
        foreach (var pair in report.Comparisons.GroupBy(c => (c.Candidate, c.Baseline)))
        {
            md.AppendLine($"### {Escape(pair.Key.Candidate)} − {Escape(pair.Key.Baseline)} (paired)").AppendLine();
            md.AppendLine(Row("suite", "difference", "95% interval", "McNemar p", "verdict"));
            md.AppendLine(Row("---", "---:", "---", "---:", "---"));
            foreach (var c in pair)
                md.AppendLine(Row(Escape(c.Suite), SignedPoints(c.Overall.Difference), PointsInterval(c.Overall.Low, c.Overall.High),
                    P(c.Overall.McNemarP), Escape(c.Overall.Verdict.Replace('_', ' '))));
            md.AppendLine();
        }
    }
}
