using System.Globalization;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Reports.Tests;

public class SpeedSectionTests
{
    [Fact]
    public void Speed_table_shows_the_timing_summary_of_metrics_json()
    {
        // Given a run whose metrics.json carries a timing summary with recognisable numbers
        using var temp = new TempDir();
        var run = RunDirectory.Open(DemoRun.Write(temp.File("results")));
        var metrics = run.ReadMetrics();
        run.WriteMetrics(metrics with
        {
            Timing = [.. metrics.Timing.Select(t => t with
            {
                GenerationTokensPerSecond = new TimingDistribution(7, 1, 4321.5, 1, 1),
                TimeToFirstTokenMs = new TimingDistribution(7, 1, 111.1, 222.2, 333.3),
            })],
        });

        // When
        var speed = SpeedSection(run.Path, temp.File("report"));

        // Then the report shows those numbers instead of computing its own
        Assert.Contains("<td>4321.5</td>", speed);
        Assert.Contains("<td>111.1</td>", speed);
        Assert.Contains("<td>222.2</td>", speed);
        Assert.Contains("<td>333.3</td>", speed);
    }

    [Fact]
    public void Metrics_written_before_the_timing_summary_get_it_from_the_samples()
    {
        // Given a run whose metrics.json has no timing
        using var temp = new TempDir();
        var run = RunDirectory.Open(DemoRun.Write(temp.File("results")));
        run.WriteMetrics(run.ReadMetrics() with { Timing = [] });

        // When
        var speed = SpeedSection(run.Path, temp.File("report"));

        // Then the summary is recomputed the one way metrics.json computes it
        var expected = SampleTimings.Summarise("teacher", [.. SamplesReader.Read(run.Path).Where(s => s.Model == "teacher")]);
        Assert.Contains($"<td>{expected.Samples}</td>", speed);
        Assert.Contains($"<td>{expected.TimeToFirstTokenMs!.P90.ToString("0.0", CultureInfo.InvariantCulture)}</td>", speed);
    }

    [Fact]
    public void Speed_table_shows_each_models_load_time_and_peak_memory_from_run_json()
    {
        // Given a run whose manifest records a load time and peak resident memory for one model only
        using var temp = new TempDir();
        var run = RunDirectory.Open(DemoRun.Write(temp.File("results")));
        var manifest = run.ReadManifest();
        var teacher = manifest.Models.First(m => m.Name == "teacher");
        var details = new Dictionary<string, string>(teacher.Details) { ["load_seconds"] = "12.345", ["peak_rss_bytes"] = (4321L << 20).ToString(CultureInfo.InvariantCulture) };
        run.WriteManifest(manifest with { Models = [.. manifest.Models.Select(m => m == teacher ? m with { Details = details } : m)] });

        // When
        var speed = SpeedSection(run.Path, temp.File("report"));

        // Then that model's row shows them, and the other model's says it has none
        var rows = speed.Split("<tr>").Where(r => r.Contains("<td>", StringComparison.Ordinal)).ToList();
        var teacherRow = Assert.Single(rows, r => r.Contains("<td>teacher</td>", StringComparison.Ordinal));
        Assert.Contains("<td>12.35</td>", teacherRow);
        Assert.Contains("<td>4321</td>", teacherRow);
        Assert.Contains("peak RSS MiB", speed);
        Assert.All(rows.Where(r => r != teacherRow), r => Assert.Contains("<td>n/a</td>", r));
    }

    private static string SpeedSection(string run, string output)
    {
        new HtmlReportWriter().Write(ReportData.FromRuns([RunData.Load(run)]), output);
        var html = File.ReadAllText(Path.Combine(output, HtmlReportWriter.FileName));
        var start = html.IndexOf("<section id=\"speed\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the report has no speed section");
        return html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)];
    }
}
