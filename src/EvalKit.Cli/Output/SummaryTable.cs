using System.Globalization;
using EvalKit.Core.Metrics;
using Spectre.Console;

namespace EvalKit.Cli.Output;

/// <summary>The end-of-run table: one row per suite, one column per model, each suite's default metric with its interval.</summary>
public static class SummaryTable
{
    public static void Write(IAnsiConsole console, MetricsReport metrics)
    {
        var models = metrics.Suites.Select(m => m.Model).Distinct().ToList();
        var table = new Table().Title("Summary (95% Wilson intervals)").AddColumn("suite").AddColumn("metric");
        foreach (var model in models)
            table.AddColumn(new TableColumn(Markup.Escape(model)).RightAligned());

        foreach (var suite in metrics.Suites.GroupBy(m => m.Suite))
        {
            var row = new List<string> { Markup.Escape(suite.Key), suite.First().Metric };
            foreach (var model in models)
                row.Add(suite.FirstOrDefault(m => m.Model == model) is { } m ? Cell(m) : "-");
            table.AddRow(row.ToArray());
        }
        console.Write(table);
    }

    private static string Cell(SuiteMetrics m)
    {
        var e = m.Estimate;
        var text = e.N == 0
            ? "n/a"
            : string.Create(CultureInfo.InvariantCulture, $"{e.Value * 100:F1}% [{e.Low * 100:F1}, {e.High * 100:F1}] n={e.N}");
        return Markup.Escape(text) + (m.Errors > 0 ? $" [red]{m.Errors} failed[/]" : "");
    }
}
