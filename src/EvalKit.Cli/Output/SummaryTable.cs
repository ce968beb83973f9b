using System.Globalization;
using EvalKit.Core.Metrics;
using Spectre.Console;

namespace EvalKit.Cli.Output;

/// <summary>
/// The end-of-run table: one row per suite, one column per model with the suite's default metric and its 95%
/// Wilson interval, then each candidate's paired difference from the baseline (first model) with McNemar's p.
/// </summary>
public static class SummaryTable
{
    public static void Write(IAnsiConsole console, MetricsReport metrics)
    {
        var models = metrics.Suites.Select(m => m.Model).Distinct().ToList();
        var table = new Table().Title("Summary: metric [[95% CI]]").AddColumn("suite").AddColumn("metric").AddColumn(new TableColumn("n").RightAligned());
        foreach (var model in models)
            table.AddColumn(new TableColumn(Markup.Escape(model)).RightAligned());
        var comparisons = metrics.Comparisons.Select(c => (c.Baseline, c.Candidate)).Distinct().ToList();
        foreach (var (baseline, candidate) in comparisons)
            table.AddColumn(new TableColumn(Markup.Escape($"{candidate} − {baseline}")).RightAligned());

        foreach (var suite in metrics.Suites.GroupBy(m => m.Suite))
        {
            var row = new List<string> { Markup.Escape(suite.Key), suite.First().Metric, suite.Max(m => m.Samples).ToString(CultureInfo.InvariantCulture) };
            foreach (var model in models)
                row.Add(suite.FirstOrDefault(m => m.Model == model) is { } m ? Cell(m) : "-");
            foreach (var (baseline, candidate) in comparisons)
                row.Add(metrics.Comparisons.FirstOrDefault(c => c.Suite == suite.Key && c.Baseline == baseline && c.Candidate == candidate) is { } c
                    ? Difference(c.Overall) : "-");
            table.AddRow(row.ToArray());
        }
        console.Write(table);
        if (comparisons.Count > 0)
            console.MarkupLine("[grey]Differences: paired bootstrap 95% CI; p = McNemar exact test; [red]red[/] = worse with the whole interval below 0.[/]");
    }

    private static string Cell(SuiteMetrics m)
    {
        var e = m.Estimate;
        var text = e.N == 0 ? "n/a" : Invariant($"{e.Value * 100:F1}% [{e.Low * 100:F0}–{e.High * 100:F0}]");
        return Markup.Escape(text) + (m.Errors > 0 ? $" [red]{m.Errors} failed[/]" : "");
    }

    private static string Difference(PairedDifference d)
    {
        if (d.N == 0)
            return "n/a";
        var text = Markup.Escape(Invariant($"{d.Difference * 100:+0.0;-0.0;0.0}pp [{d.Low * 100:+0;-0;0}–{d.High * 100:+0;-0;0}] p={d.McNemarP:0.###}"));
        return d.Verdict switch
        {
            "worse" => $"[red]{text}[/]",
            "better" => $"[green]{text}[/]",
            _ => text,
        };
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
