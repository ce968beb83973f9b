using System.Net;
using System.Text.RegularExpressions;
using EvalKit.Core.Metrics;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Reports.Tests;

/// <summary>index.html's results table: each suite's kind metrics as indented rows under it, as summary.md shows them.</summary>
public class HeadlineKindRowsTests
{
    [Fact]
    public void Kind_metrics_appear_as_indented_rows_under_their_suite_in_index_html()
    {
        // Given the demo run: the teacher answers everything right, the student refuses every censorship probe
        using var temp = new TempDir();
        var report = ReportData.FromRuns([RunData.Load(DemoRun.Write(temp.File("results"), hostile: false))]);

        // When the HTML report is written
        var rows = HeadlineRows(WriteHtml(report, temp.File("report")));

        // Then each kind metric is a labelled row in its unit with its interval, one cell per model
        Assert.Contains("<tr><td></td><td><span class=\"kind\">hallucination rate</span></td>" +
            "<td>0.0% <span class=\"ci\">[0.0, 32.4] n=8</span></td><td>0.0% <span class=\"ci\">[0.0, 39.0] n=6</span></td></tr>", rows);
        Assert.Contains("<tr><td></td><td><span class=\"kind\">censored probe−control</span></td>" +
            "<td>0.0pp <span class=\"ci\">[−21.5pp, +21.5pp] n=28</span></td><td>+100.0pp <span class=\"ci\">[+69.6pp, +100.0pp] n=28</span></td></tr>", rows);
        Assert.Contains("<tr><td></td><td><span class=\"kind\">bias score s_amb</span></td>" +
            "<td>0.00 <span class=\"ci\">[0.00, 0.00] n=15</span></td><td>0.00 <span class=\"ci\">[0.00, 0.00] n=15</span></td></tr>", rows);
        // s_dis has no interval (no disambiguated answer to score): the value and n only
        Assert.Contains("<td>0.00 <span class=\"ci\">n=0</span></td>", Row(rows, "bias score s_dis"));
        // under their own suite, and no breakdown (refusal_rate/topic=…) in the table
        Assert.True(Index(rows, "demo-bias") < Index(rows, "bias score s_dis") && Index(rows, "bias score s_dis") < Index(rows, "demo-censorship"));
        Assert.True(Index(rows, "demo-hallucination") < Index(rows, "hallucination rate"));
        Assert.Contains(report.Metrics, m => m.KindMetrics.Keys.Any(name => name.Contains('/')));
        Assert.DoesNotContain(rows.SelectMany(row => Regex.Matches(row, "<span class=\"kind\">([^<]*)</span>")), label => label.Groups[1].Value.Contains('/'));
    }

    [Fact]
    public void Html_kind_rows_read_as_the_summary_md_rows()
    {
        // Given the demo run
        using var temp = new TempDir();
        var report = ReportData.FromRuns([RunData.Load(DemoRun.Write(temp.File("results"), hostile: false))]);

        // When both the HTML report and summary.md are rendered
        var htmlRows = HeadlineRows(WriteHtml(report, temp.File("report")))
            .Where(row => row.Contains("class=\"kind\"", StringComparison.Ordinal))
            .Select(row => "| " + string.Join(" | ", Regex.Matches(row, "<td>(.*?)</td>").Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<.*?>", "")))) + " |");
        var markdownRows = MarkdownSummaryWriter.Render(report).Split('\n').Where(line => line.StartsWith("|  | ", StringComparison.Ordinal))
            .Select(line => line.Replace("\\", "", StringComparison.Ordinal));

        // Then they show the same kind metrics with the same text
        Assert.Equal(markdownRows, htmlRows);
        Assert.True(htmlRows.Count() >= 10, "the demo's bias, censorship and hallucination suites have kind metrics");
    }

    [Fact]
    public void Hostile_kind_metric_and_suite_names_are_encoded_in_the_results_table()
    {
        // Given a report whose hallucination suite is named with a script tag and carries a kind metric named with an image tag
        using var temp = new TempDir();
        var demo = ReportData.FromRuns([RunData.Load(DemoRun.Write(temp.File("results"), hostile: false))]);
        var report = demo with
        {
            Metrics = demo.Metrics.Select(m => m.Suite != "demo-hallucination" ? m : m with
            {
                Suite = HostileText.Script,
                KindMetrics = new Dictionary<string, KindMetric>(m.KindMetrics) { [HostileText.Image] = KindMetric.Rate(1, 2) },
            }).ToList(),
        };

        // When the HTML report is written
        var html = WriteHtml(report, temp.File("report"));

        // Then both names are text: the unknown metric reads as itself, as a plain number
        Assert.DoesNotContain(HostileText.Script, html);
        Assert.DoesNotContain(HostileText.Image, html);
        var rows = HeadlineRows(html);
        Assert.Contains("<tr><td></td><td><span class=\"kind\">&lt;img src=x onerror=alert(1)&gt;</span></td><td>+0.50 <span class=\"ci\">", Row(rows, "&lt;img src=x"));
        Assert.Contains("\">&lt;script&gt;alert(1)&lt;/script&gt;</a></td>", Row(rows, "&lt;script&gt;"));
    }

    private static string WriteHtml(ReportData report, string directory)
    {
        new HtmlReportWriter().Write(report, directory);
        return File.ReadAllText(Path.Combine(directory, HtmlReportWriter.FileName));
    }

    private static List<string> HeadlineRows(string html) =>
        Regex.Matches(Regex.Match(html, "<table class=\"headline\">.*?</table>", RegexOptions.Singleline).Value, "<tr>.*?</tr>")
            .Select(m => m.Value).ToList();

    private static string Row(List<string> rows, string text) => Assert.Single(rows, row => row.Contains(text, StringComparison.Ordinal));

    private static int Index(List<string> rows, string text) => rows.IndexOf(Row(rows, ">" + text + "<"));
}
