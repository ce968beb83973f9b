using System.Diagnostics;
using System.Text.RegularExpressions;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;
using Xunit.Abstractions;

namespace EvalKit.Reports.Tests;

/// <summary>
/// 50,000 samples: the report is written and opens in Chromium with one page of the drill-down in the DOM. Times are
/// printed for docs/reports.md, never asserted. The run and report stay in reports/test-large/ to be opened by hand.
/// </summary>
public class LargeReportTests(ITestOutputHelper output)
{
    [Fact]
    public void Report_of_50000_samples_renders_one_page_of_cases_in_the_browser()
    {
        // Given a run of 25,000 cases answered by two models
        var folder = RepositoryPaths.Combine("reports", "test-large");
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
        var run = LargeRun.Write(Path.Combine(folder, "results"), cases: 25_000);

        // When the report is written and opened on page 3 of the disagreements
        var clock = Stopwatch.StartNew();
        var data = ReportData.FromRuns([RunData.Load(run)]);
        var loaded = clock.Elapsed;
        ReportWriterCatalog.WriteAll(data, Path.Combine(folder, "report"));
        var written = clock.Elapsed;
        var page = Path.Combine(folder, "report", "index.html");
        var dom = Chromium.DumpDom(page, "#suite=large&disagree=1&page=3");
        var opened = clock.Elapsed;

        // Then every sample is in the data but only one page of rows is in the DOM
        Assert.Equal(50_000, data.Samples.Count);
        Assert.Contains("data-report-ready=\"yes\"", dom);
        Assert.Matches("data-drill-matches=\"[1-9][0-9]{3,}\"", dom);
        Assert.Equal(50, Regex.Matches(dom, "<tr class=\"disagree\">").Count);
        Assert.Contains("page 3 of", dom);
        output.WriteLine($"50,000 samples: load {loaded.TotalSeconds:0.0}s, write all reports {(written - loaded).TotalSeconds:0.0}s, " +
            $"index.html {new FileInfo(page).Length / 1e6:0.0} MB, Chromium open+render (process start included) {(opened - written).TotalSeconds:0.0}s");
    }
}
