using System.Globalization;
using EvalKit.Core.Metrics;
using EvalKit.Reports;
using Spectre.Console;

namespace EvalKit.Cli.Output;

/// <summary>
/// The end-of-run table: per suite, a row with the suite's default metric and its 95% Wilson interval per model, then
/// each candidate's paired difference from the baseline (first model) with McNemar's p; under it, one indented row per
/// headline kind metric (<see cref="KindMetricLabels"/>) in its own unit, with its interval.
/// </summary>
public static class SummaryTable
{
    private const string Indent = "  ";

    public static void Write(IAnsiConsole console, MetricsReport metrics)
    {
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
            foreach (var name in KindMetricLabels.Shown(suite))
            {
                var kindRow = new List<string> { Indent + TerminalText.Escape(KindMetricLabels.Label(name)), "" };
                foreach (var model in models)
                    kindRow.Add(suite.FirstOrDefault(m => m.Model == model)?.KindMetrics.GetValueOrDefault(name) is { } k
                        ? TerminalText.Escape(KindCell(k, KindMetricLabels.Unit(name))) : "-");
                kindRow.AddRange(comparisons.Select(_ => ""));
                table.AddRow(kindRow.ToArray());
            }
        }
        console.Write(table);
        if (comparisons.Count > 0)
            console.MarkupLine("[grey]Differences: paired bootstrap 95% CI; p = McNemar exact test; [red]red[/] = worse, [green]green[/] = better, only when p < 0.05.[/]");
    }

    /// <summary>A kind metric in its unit: a rate as %, a difference of rates in signed pp, a score as a signed number.</summary>
    internal static string KindCell(KindMetric k, KindMetricUnit unit)
    {
        if (double.IsNaN(k.Value))
            return "n/a";
        Func<double, string> format = unit switch
        {
            KindMetricUnit.Rate => v => NumberText.Fixed(v * 100, 0),
            KindMetricUnit.Difference => v => NumberText.Fixed(v * 100, 0, plus: true),
            _ => v => NumberText.Fixed(v, 2, plus: true),
        };
        var value = unit switch
        {
            KindMetricUnit.Rate => NumberText.Fixed(k.Value * 100, 1) + "%",
            KindMetricUnit.Difference => NumberText.Fixed(k.Value * 100, 1, plus: true) + "pp",
            _ => format(k.Value),
        };
        return double.IsNaN(k.Low) ? value : $"{value}\n[{format(k.Low)}–{format(k.High)}]";
    }

    private static string Cell(SuiteMetrics m)
    {
        var e = m.Estimate;
        var text = e.N == 0 ? "n/a" : $"{NumberText.Fixed(e.Value * 100, 1)}%\n[{NumberText.Fixed(e.Low * 100, 0)}–{NumberText.Fixed(e.High * 100, 0)}]";
        return TerminalText.Escape(text) + (m.Errors > 0 ? $"\n[red]{m.Errors} failed[/]" : "");
    }

    private static string Difference(PairedDifference d)
    {
        if (d.N == 0)
            return "n/a";
        var text = TerminalText.Escape($"{NumberText.Fixed(d.Difference * 100, 1, plus: true)}pp\n" +
            $"[{NumberText.Fixed(d.Low * 100, 0, plus: true)}–{NumberText.Fixed(d.High * 100, 0, plus: true)}]\n" +
            Invariant($"p={d.McNemarP:0.###}"));
        return d.Verdict switch
        {
            "worse" => $"[red]{text}[/]",
            "better" => $"[green]{text}[/]",
            _ => text,
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
