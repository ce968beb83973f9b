using System.Globalization;
using EvalKit.Core.Kinds;
using EvalKit.Core.Metrics;
using Spectre.Console;

namespace EvalKit.Cli.Output;

/// <summary>
/// The end-of-run table: per suite, a row with the suite's default metric and its 95% Wilson interval per model, then
/// each candidate's paired difference from the baseline (first model) with McNemar's p; under it, one indented row per
/// headline kind metric (its kind's <see cref="MetricDescriptor"/>: label, unit) with its interval, in the console style
/// of <see cref="MetricFormat"/>.
/// </summary>
public static class SummaryTable
{
    private const string Indent = "  ";

    /// <param name="kinds">The suite kinds that describe the metrics; <see cref="SuiteKindCatalog.Default"/> when null.</param>
    public static void Write(IAnsiConsole console, MetricsReport metrics, SuiteKindCatalog? kinds = null)
    {
        kinds ??= SuiteKindCatalog.Default;
        var models = metrics.Suites.Select(m => m.Model).Distinct().ToList();
        var table = new Table().Title("Summary: metric [[95% CI]]").AddColumn("suite / metric").AddColumn(new TableColumn("n").RightAligned());
        foreach (var model in models)
            table.AddColumn(new TableColumn(TerminalText.Escape(model)).RightAligned());
        var comparisons = metrics.Comparisons.Select(c => (c.Baseline, c.Candidate)).Distinct().ToList();
        foreach (var (baseline, candidate) in comparisons)
            table.AddColumn(new TableColumn(TerminalText.Escape($"{candidate} −\n{baseline}")).RightAligned());

        foreach (var suite in metrics.Suites.GroupBy(m => m.Suite))
        {
            table.AddRow(new Markup($"[bold]{TerminalText.Escape(suite.Key)}[/]"));
            var row = new List<string> { Indent + TerminalText.Escape(suite.First().Metric), suite.Max(m => m.Samples).ToString(CultureInfo.InvariantCulture) };
            foreach (var model in models)
                row.Add(suite.FirstOrDefault(m => m.Model == model) is { } m ? Cell(m) : "-");
            foreach (var (baseline, candidate) in comparisons)
                row.Add(metrics.Comparisons.FirstOrDefault(c => c.Suite == suite.Key && c.Baseline == baseline && c.Candidate == candidate) is { } c
                    ? Difference(c.Overall) : "-");
            table.AddRow(row.ToArray());
            foreach (var metric in kinds.Shown(suite))
            {
                var kindRow = new List<string> { Indent + TerminalText.Escape(metric.Label), "" };
                foreach (var model in models)
                    kindRow.Add(suite.FirstOrDefault(m => m.Model == model)?.KindMetrics.GetValueOrDefault(metric.Name) is { } k
                        ? TerminalText.Escape(KindCell(k, metric.Unit)) : "-");
                kindRow.AddRange(comparisons.Select(_ => ""));
                table.AddRow(kindRow.ToArray());
            }
        }
        console.Write(table);
        if (comparisons.Count > 0)
            console.MarkupLine("[grey]Differences: paired bootstrap 95% CI; p = McNemar exact test; [red]red[/] = worse, [green]green[/] = better, only when p < 0.05.[/]");
    }

    /// <summary>A kind metric in its unit: a rate as %, a difference of rates in signed pp, a score as a signed number.</summary>
    internal static string KindCell(KindMetric k, MetricUnit unit) => ValueCell(k.Value, k.Low, k.High, unit);

    /// <summary>The value, and under it the compact interval when there is one; "n/a" alone for NaN.</summary>
    private static string ValueCell(double value, double low, double high, MetricUnit unit)
    {
        if (double.IsNaN(value))
            return "n/a";
        var text = MetricFormat.Value(value, unit, MetricStyle.Console);
        var interval = MetricFormat.Interval(low, high, unit, MetricStyle.Console);
        return interval.Length == 0 ? text : $"{text}\n{interval}";
    }

    private static string Cell(SuiteMetrics m)
    {
        var e = m.Estimate;
        var text = e.N == 0 ? "n/a" : ValueCell(e.Value, e.Low, e.High, MetricUnit.Rate);
        return TerminalText.Escape(text) + (m.Errors > 0 ? $"\n[red]{m.Errors} failed[/]" : "");
    }

    private static string Difference(PairedDifference d)
    {
        if (d.N == 0)
            return "n/a";
        var text = TerminalText.Escape(ValueCell(d.Difference, d.Low, d.High, MetricUnit.Difference) + "\n" + Invariant($"p={d.McNemarP:0.###}"));
        return d.Verdict switch
        {
            ComparisonVerdict.Worse => $"[red]{text}[/]",
            ComparisonVerdict.Better => $"[green]{text}[/]",
            _ => text,
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
