using System.Text.RegularExpressions;
using EvalKit.Core.Results;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Reports.Tests;

/// <summary>
/// The demo report opened in headless Chromium (Debian's package): charts and tables are in the DOM after the script
/// ran, hostile answers are text, no injected script ran, and the drill-down filters taken from the URL hash work.
/// The report and a screenshot stay in reports/test-demo/ for people to look at.
/// </summary>
public class BrowserTests
{
    private static readonly string _reportDir = RepositoryPaths.Combine("reports", "test-demo");

    [Fact]
    public void Demo_report_renders_charts_tables_and_hostile_answers_as_text()
    {
        // Given the demo report, with hostile student answers
        var page = WriteDemoReport();

        // When Chromium loads it, filtered to the cases whose answers mention alert
        var dom = Chromium.DumpDom(page, "#suite=demo-accuracy&q=alert");

        // Then the script ran, no injected script did, and the payloads are text
        Assert.Contains("data-report-ready=\"yes\"", dom);
        Assert.Contains("data-injected=\"no\"", dom);
        var charts = Regex.Matches(dom, "<figure class=\"chart\"").Count;
        Assert.True(charts >= 6, $"expected the demo's charts, found {charts}");
        Assert.Equal(charts, Regex.Matches(dom, "<img ").Count); // no <img> but the charts: the payload's was not created
        Assert.Contains("<table class=\"headline\">", dom);
        Assert.Contains("<span class=\"kind\">hallucination rate</span>", dom);
        Assert.Contains("<table class=\"comparison\">", dom);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", dom);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", dom);
        Chromium.Screenshot(page, Path.Combine(_reportDir, "screenshot.png"));
        Assert.True(new FileInfo(Path.Combine(_reportDir, "screenshot.png")).Length > 10_000);
    }

    [Fact]
    public void Drill_down_filters_from_the_url_hash_select_the_matching_cases()
    {
        // Given the demo report and the counts the filters should give, from the run itself
        var page = WriteDemoReport();
        var samples = SamplesReader.Read(Directory.GetDirectories(Path.Combine(_reportDir, "run"))[0])
            .Where(s => s.Suite == "demo-accuracy").ToList();
        var incorrect = samples.Where(s => s.Label == "incorrect").Select(s => s.CaseId).Distinct().Count();
        var disagreeing = samples.GroupBy(s => s.CaseId).Count(g => g.Select(s => s.Label).Distinct().Count() > 1);

        // When Chromium opens it with filters in the hash
        var byLabel = Chromium.DumpDom(page, "#suite=demo-accuracy&label=incorrect");
        var byDisagreement = Chromium.DumpDom(page, "#suite=demo-accuracy&disagree=1&tag=topic%3Dscience");

        // Then the drill-down shows exactly those cases
        Assert.Contains($"data-drill-matches=\"{incorrect}\"", byLabel);
        Assert.Equal(incorrect, Regex.Matches(byLabel, "<tr class=\"(disagree)?\">").Count);
        var scienceDisagreeing = samples.Where(s => s.Tags.GetValueOrDefault("topic") == "science")
            .GroupBy(s => s.CaseId).Count(g => g.Select(s => s.Label).Distinct().Count() > 1);
        Assert.True(disagreeing > scienceDisagreeing, "the tag filter must narrow the disagreement filter");
        Assert.Contains($"data-drill-matches=\"{scienceDisagreeing}\"", byDisagreement);
    }

    private static readonly Lazy<string> _demoReport = new(() =>
    {
        if (Directory.Exists(_reportDir))
            Directory.Delete(_reportDir, recursive: true);
        var run = DemoRun.Write(Path.Combine(_reportDir, "run"));
        new HtmlReportWriter().Write(ReportData.FromRuns([RunData.Load(run)], "demo (programmed answers)"), _reportDir);
        return Path.Combine(_reportDir, HtmlReportWriter.FileName);
    });

    private static string WriteDemoReport() => _demoReport.Value;
}
