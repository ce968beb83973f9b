using System.Text;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Reports.Internal;
using static EvalKit.Reports.Internal.Format;
using static EvalKit.Reports.Internal.MarkdownText;

namespace EvalKit.Reports;

/// <summary>
/// <c>summary.md</c>: gates, each suite's default metric per model with its headline kind metrics
/// (each kind's <see cref="Core.Metrics.MetricDescriptor"/>s) under it, and the paired differences, short enough for a CI job summary (<c>$GITHUB_STEP_SUMMARY</c>). Every value from data is escaped so it renders as plain text.
/// </summary>
public sealed class MarkdownSummaryWriter : IReportWriter
{
    public const string FileName = "summary.md";

    private const int MaxFlips = 10;

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
        md.AppendLine("### Results (95% intervals: Wilson; kind metrics as in docs/metrics.md)").AppendLine();
        md.AppendLine(Row(["suite", "metric", .. report.Models.Select(Escape)]));
        md.AppendLine(Row(["---", "---", .. report.Models.Select(_ => "---:")]));
        foreach (var suite in report.Metrics.GroupBy(m => m.Suite))
        {
            var cells = report.Models.Select(model => suite.FirstOrDefault(m => m.Model == model) is { } m
                ? $"{Percent(m.Estimate.Value)} {Interval(m.Estimate.Low, m.Estimate.High)} n={m.Estimate.N}" + (m.Errors > 0 ? $" ({m.Errors} failed)" : "")
                : "–");
            md.AppendLine(Row([Escape(suite.Key), Escape(suite.First().Metric), .. cells]));
            foreach (var metric in report.Kinds.Shown(suite))
            {
                var kindCells = report.Models.Select(model => suite.FirstOrDefault(m => m.Model == model)?.KindMetrics.GetValueOrDefault(metric.Name) is { } k
                    ? KindCell(k, metric) : "–");
                md.AppendLine(Row(["", Escape(metric.Label), .. kindCells]));
            }
        }
        md.AppendLine();
    }

    private static string KindCell(KindMetric k, MetricDescriptor metric)
    {
        var (value, interval) = Metric(k, metric);
        return $"{value} {interval} n={k.N}".Replace("  ", " ", StringComparison.Ordinal);
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
                    P(c.Overall.McNemarP), Escape(VerdictName(c.Overall.Verdict).Replace('_', ' '))));
            md.AppendLine().AppendLine("Verdict: worse or better only when McNemar's exact p < 0.05; the paired bootstrap interval is shown beside it.").AppendLine();
            Flips(md, report, pair.ToList());
        }
    }

    /// <summary>The first cases the candidate lost, with both answers, folded away so the summary stays short.</summary>
    private static void Flips(StringBuilder md, ReportData report, IReadOnlyList<ModelComparison> comparisons)
    {
        var lost = comparisons.SelectMany(c => c.OnlyBaselineCases.Distinct().Select(id => (c, id))).ToList();
        if (lost.Count == 0)
            return;
        var answers = report.Samples.Where(s => s.Repeat == 0).ToLookup(s => (s.Model, s.Suite, s.CaseId));
        md.AppendLine($"<details><summary>{lost.Count} case(s) only {Escape(comparisons[0].Baseline)} got right</summary>").AppendLine();
        md.AppendLine(Row("suite", "case", Escape(comparisons[0].Baseline), Escape(comparisons[0].Candidate))).AppendLine(Row("---", "---", "---", "---"));
        foreach (var (c, id) in lost.Take(MaxFlips))
            md.AppendLine(Row(Escape(c.Suite), Escape(id), Answer(answers[(c.Baseline, c.Suite, id)]), Answer(answers[(c.Candidate, c.Suite, id)])));
        if (lost.Count > MaxFlips)
            md.AppendLine().AppendLine($"…and {lost.Count - MaxFlips} more in index.html.");
        md.AppendLine().AppendLine("</details>").AppendLine();
    }

    private static string Answer(IEnumerable<SampleRecord> samples) =>
        samples.FirstOrDefault() is { } s ? Escape(s.Completion.Length > 120 ? s.Completion[..120] + "…" : s.Completion) : "–";
}
