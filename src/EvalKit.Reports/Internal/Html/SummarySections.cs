using System.Text;
using EvalKit.Core.Backends;
using EvalKit.Core.Metrics;
using static EvalKit.Reports.Internal.Format;
using static EvalKit.Reports.Internal.Html.HtmlText;

namespace EvalKit.Reports.Internal.Html;

/// <summary>The top of the page: gates, the headline table (default metric, kind metrics under it), paired differences with their flip tables, and speed.</summary>
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
        html.AppendLine("<section id=\"headline\"><h2>Results</h2><p class=\"note\">Each suite's default metric with its 95% Wilson interval and the number of scored samples; " +
            "under it, the suite's kind metrics (hallucination, bias, censorship: docs/metrics.md) with their 95% intervals. " +
            "A HaluEval-style detection error is how often the model misjudged whether a given response hallucinates, not how often it hallucinates.</p>");
        var rows = new List<IEnumerable<string>>();
        foreach (var suite in data.Metrics.GroupBy(m => m.Suite))
        {
            rows.Add(new[] { DrillLink(suite.Key, ("suite", suite.Key)), E(suite.First().Metric) }
                .Concat(data.Models.Select(model => suite.FirstOrDefault(m => m.Model == model) is { } m
                    ? $"<b>{Percent(m.Estimate.Value)}</b> <span class=\"ci\">{Interval(m.Estimate.Low, m.Estimate.High)} n={m.Estimate.N}</span>"
                      + (m.Errors > 0 ? $" <span class=\"fail\">{m.Errors} failed</span>" : "")
                    : "–")));
            foreach (var metric in data.Kinds.Shown(suite))
                rows.Add(new[] { "", $"<span class=\"kind\">{E(metric.Label)}</span>" }
                    .Concat(data.Models.Select(model => suite.FirstOrDefault(m => m.Model == model)?.KindMetrics.GetValueOrDefault(metric.Name) is { } k
                        ? KindCell(k, metric) : "–")));
        }
        Table(html, "headline", new[] { "suite", "metric" }.Concat(data.Models.Select(E)), rows);
        html.AppendLine("</section>");
    }

    public static void Comparisons(StringBuilder html, ReportData data)
    {
        if (data.Comparisons.Count == 0)
            return;
        html.AppendLine("<section id=\"comparisons\"><h2>Paired differences and flips</h2><p class=\"note\">Candidate − baseline on the cases both answered: paired bootstrap 95% interval, McNemar's exact p, and the flip table (click a count to see its cases). " +
            "Verdict: worse or better only when McNemar's exact p &lt; 0.05; the interval is shown beside it. Same answer and answer κ compare the extracted answers (letter, number); correctness κ compares right/wrong.</p>");
        foreach (var pair in data.Comparisons.Select((c, i) => (Comparison: c, Index: i)).GroupBy(x => (x.Comparison.Candidate, x.Comparison.Baseline)))
        {
            html.AppendLine($"<h3>{E(pair.Key.Candidate)} − {E(pair.Key.Baseline)}</h3>");
            Table(html, "comparison",
                ["suite", E(pair.Key.Baseline), E(pair.Key.Candidate), "difference", "95% interval", "McNemar p", "verdict",
                    "both right", $"only {E(pair.Key.Baseline)} right", $"only {E(pair.Key.Candidate)} right", "both wrong", "same answer", "answer κ", "correctness κ"],
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
                        d.Flips.BothWrong.ToString(), Percent(c.AnswerAgreement), Number(c.Kappa, 2), Number(c.CorrectnessKappa, 2),
                    };
                }));
        }
        html.AppendLine("</section>");
    }

    public static void Speed(StringBuilder html, ReportData data)
    {
        var rows = data.Timing.Where(t => t.Samples > 0 && data.ModelSources.ContainsKey(t.Model)).Select(t =>
        {
            var source = data.ModelSources[t.Model];
            var host = source.Run.Manifest.Host;
            var details = source.Run.Manifest.Models.FirstOrDefault(m => m.Name == source.Name)?.Details;
            return new[]
            {
                E(t.Model), E($"{host.Cpu}, {host.LogicalCores} cores"), t.Samples.ToString(),
                Number(t.GenerationTokensPerSecond?.P50 ?? double.NaN), Number(t.TimePerOutputTokenMs?.P50 ?? double.NaN, 2),
                Number(t.TimeToFirstTokenMs?.P50 ?? double.NaN), Number(t.TimeToFirstTokenMs?.P90 ?? double.NaN),
                Number(t.TimeToFirstTokenMs?.P99 ?? double.NaN), Number(t.TimeToFirstAnswerTokenMs?.P50 ?? double.NaN),
                Number(Detail(details, ModelInfo.LoadSecondsDetail), 2), Number(Detail(details, ModelInfo.PeakResidentBytesDetail) / (1024 * 1024), 0),
            };
        }).ToList();
        if (rows.Count == 0)
            return;
        html.AppendLine("<section id=\"speed\"><h2>Speed</h2><p class=\"note\">From the timings of the scored requests themselves " +
            "(metrics.json <code>timing</code>; answers from the response cache are left out). Load time and the peak resident " +
            "memory of the process that ran the model come from run.json (n/a when the model was never loaded).</p>");
        Table(html, "speed", ["model", "hardware", "timed requests", "median tokens/s", "median TPOT ms", "TTFT p50 ms", "TTFT p90 ms",
            "TTFT p99 ms", "first answer token p50 ms", "load s", "peak RSS MiB"], rows);
        html.AppendLine("</section>");
    }

    private static double Detail(IReadOnlyDictionary<string, string>? details, string key) =>
        details?.GetValueOrDefault(key) is { } text && double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : double.NaN;

    public static void Notes(StringBuilder html, ReportData data)
    {
        foreach (var note in data.Notes)
            html.AppendLine($"<p class=\"warning\">{E(note)}</p>");
    }

    private static string KindCell(KindMetric k, MetricDescriptor metric)
    {
        var (value, interval) = Metric(k, metric);
        return $"{value} <span class=\"ci\">{(interval.Length > 0 ? interval + " " : "")}n={k.N}</span>";
    }

    private static string FlipLink(int count, string suite, string flip) =>
        count == 0 ? "0" : DrillLink(count.ToString(), ("suite", suite), ("flip", flip));
}
