using System.Text;
using static EvalKit.Reports.Internal.Format;
using static EvalKit.Reports.Internal.Html.HtmlText;

namespace EvalKit.Reports.Internal.Html;

/// <summary>The top of the page: gates, the headline table, paired differences with their flip tables, and speed.</summary>
internal static class SummarySections
{
    public static void Gates(StringBuilder html, ReportData data)
    {
        if (data.Gates.Count == 0)
            return;
        var failed = data.Gates.Count(g => !g.Passed);
        html.AppendLine($"<section id=\"gates\"><h2>Gates: <span class=\"{(failed == 0 ? "pass" : "fail")}\">{(failed == 0 ? $"all {data.Gates.Count} passed" : $"{failed} of {data.Gates.Count} failed")}</span></h2>");
        Table(html, "gates", ["gate", "result", "checks"], data.Gates.Select(g => new[]
        {
            E(g.Gate.ToString()),
            g.Passed ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">fail</span>",
            g.Problem is not null
                ? E(g.Problem)
                : string.Join("<br>", g.Checks.Select(c => $"<span class=\"{(c.Passed ? "pass" : "fail")}\">{(c.Passed ? "✓" : "✗")}</span> {E(c.Reason)}")),
        }));
        html.AppendLine("</section>");
    }

    public static void Headline(StringBuilder html, ReportData data)
    {
        html.AppendLine("<section id=\"headline\"><h2>Results</h2><p class=\"note\">Each suite's default metric with its 95% Wilson interval and the number of scored samples.</p>");
        var rows = data.Metrics.GroupBy(m => m.Suite).Select(suite => new[] { DrillLink(suite.Key, ("suite", suite.Key)), E(suite.First().Metric) }
            .Concat(data.Models.Select(model => suite.FirstOrDefault(m => m.Model == model) is { } m
                ? $"<b>{Percent(m.Estimate.Value)}</b> <span class=\"ci\">{Interval(m.Estimate.Low, m.Estimate.High)} n={m.Estimate.N}</span>"
                  + (m.Errors > 0 ? $" <span class=\"fail\">{m.Errors} failed</span>" : "")
                : "–")));
        Table(html, "headline", new[] { "suite", "metric" }.Concat(data.Models.Select(E)), rows);
        html.AppendLine("</section>");
    }

    public static void Comparisons(StringBuilder html, ReportData data)
    {
        if (data.Comparisons.Count == 0)
            return;
        html.AppendLine("<section id=\"comparisons\"><h2>Paired differences and flips</h2><p class=\"note\">Candidate − baseline on the cases both answered: paired bootstrap 95% interval, McNemar's exact p, and the flip table (click a count to see its cases).</p>");
        foreach (var pair in data.Comparisons.Select((c, i) => (Comparison: c, Index: i)).GroupBy(x => (x.Comparison.Candidate, x.Comparison.Baseline)))
        {
            html.AppendLine($"<h3>{E(pair.Key.Candidate)} − {E(pair.Key.Baseline)}</h3>");
            Table(html, "comparison",
                ["suite", E(pair.Key.Baseline), E(pair.Key.Candidate), "difference", "95% interval", "McNemar p", "verdict",
                    "both right", $"only {E(pair.Key.Baseline)} right", $"only {E(pair.Key.Candidate)} right", "both wrong", "same answer", "κ"],
                pair.Select(x =>
                {
                    var (c, d) = (x.Comparison, x.Comparison.Overall);
                    return new[]
                    {
                        DrillLink(c.Suite, ("suite", c.Suite)), Percent(d.BaselineRate), Percent(d.CandidateRate),
                        $"<b>{SignedPoints(d.Difference)}</b>", PointsInterval(d.Low, d.High), P(d.McNemarP), Verdict(d.Verdict),
                        d.Flips.BothRight.ToString(),
                        FlipLink(d.Flips.OnlyBaseline, c.Suite, $"{x.Index}-baseline"),
                        FlipLink(d.Flips.OnlyCandidate, c.Suite, $"{x.Index}-candidate"),
                        d.Flips.BothWrong.ToString(), Percent(c.AnswerAgreement), Number(c.Kappa, "0.00"),
                    };
                }));
        }
        html.AppendLine("</section>");
    }

    public static void Speed(StringBuilder html, ReportData data)
    {
        var rows = data.Models.Select(model =>
        {
            var samples = data.Samples.Where(s => s.Model == model).ToList();
            var tps = SampleTiming.Values(samples, SampleTiming.TokensPerSecond);
            var ttft = SampleTiming.Values(samples, SampleTiming.TimeToFirstTokenMs);
            var host = data.ModelSources[model].Run.Manifest.Host;
            return (Timed: tps.Count, Cells: new[]
            {
                E(model), E($"{host.Cpu}, {host.LogicalCores} cores"), tps.Count.ToString(),
                Number(SampleTiming.Quantile(tps, 0.5)), Number(SampleTiming.Quantile(ttft, 0.5)), Number(SampleTiming.Quantile(ttft, 0.95)),
            });
        }).Where(r => r.Timed > 0).ToList();
        if (rows.Count == 0)
            return;
        html.AppendLine("<section id=\"speed\"><h2>Speed</h2><p class=\"note\">From the timings of the scored requests themselves.</p>");
        Table(html, "speed", ["model", "hardware", "timed requests", "median tokens/s", "median TTFT ms", "p95 TTFT ms"], rows.Select(r => r.Cells));
        html.AppendLine("</section>");
    }

    public static void Notes(StringBuilder html, ReportData data)
    {
        foreach (var note in data.Notes)
            html.AppendLine($"<p class=\"warning\">{E(note)}</p>");
    }

    private static string FlipLink(int count, string suite, string flip) =>
        count == 0 ? "0" : DrillLink(count.ToString(), ("suite", suite), ("flip", flip));
}
