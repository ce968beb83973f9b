using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Statistics;
using ScottPlot;

namespace EvalKit.Reports.Internal.Charts;

/// <summary>Speed from the timings of the scored requests: tokens/sec, time to first token, time per token, and quality against speed.</summary>
internal static class SpeedCharts
{
    public static ChartImage? TokensPerSecond(ReportData data) =>
        Boxes(data, "tokens-per-second", "Generation speed per request", "tokens/s", SampleTimings.GenerationTokensPerSecond,
            "(completion tokens − 1) / (total − time to first token) of each request: decode speed after the first token. Box: quartiles; whiskers: 5th and 95th percentiles.");

    public static ChartImage? TimeToFirstToken(ReportData data) =>
        Boxes(data, "ttft", "Time to first token", "ms", SampleTimings.TimeToFirstTokenMs,
            "Latency until the first generated token (prompt processing). Box: quartiles; whiskers: 5th and 95th percentiles.");

    public static ChartImage? TimePerToken(ReportData data) =>
        Boxes(data, "time-per-token", "Time per output token", "ms", SampleTimings.TimePerOutputTokenMs,
            "(total − time to first token) / (completion tokens − 1) per request. Box: quartiles; whiskers: 5th and 95th percentiles.");

    public static ChartImage? QualityVsSpeed(ReportData data)
    {
        var speeds = data.Timing.ToDictionary(t => t.Model, t => t.GenerationTokensPerSecond?.P50 ?? double.NaN);
        var points = data.Models.Select(model =>
        {
            var samples = data.Samples.Where(s => s.Model == model && s.Error is null).ToList();
            var speed = speeds.GetValueOrDefault(model, double.NaN);
            return (Model: model, Speed: speed, Quality: RateEstimate.Wilson(samples.Count(s => s.Score >= 0.5), samples.Count));
        }).Where(p => !double.IsNaN(p.Speed) && p.Quality.N > 0).ToList();
        if (points.Count == 0)
            return null;
        var plot = ChartStyle.NewPlot("Quality vs speed (same requests)", "share of samples scored right");
        plot.XLabel("median tokens/s");
        for (var i = 0; i < points.Count; i++)
        {
            var (model, speed, q) = points[i];
            var marker = plot.Add.Markers(new[] { speed }, new[] { q.Value }, MarkerShape.FilledCircle, 10, ChartStyle.ColorOf(i));
            marker.LegendText = model;
            ChartStyle.ErrorBars(plot, [speed], [q.Value], null, null, [q.High - q.Value], [q.Value - q.Low], ChartStyle.ColorOf(i));
        }
        ChartStyle.PercentAxis(plot.Axes.Left);
        var maxSpeed = points.Max(p => p.Speed);
        plot.Axes.SetLimits(0, maxSpeed * 1.15, -0.05, 1.05);
        plot.ShowLegend(Alignment.LowerRight);
        return ChartStyle.Render(plot, "quality-vs-speed", "Quality vs speed",
            "Every model's pooled rate over all its scored samples (95% Wilson interval) against its median generation tokens/s on the same requests (metrics.json timing). Upper right is best.");
    }

    private static ChartImage? Boxes(ReportData data, string id, string title, string unit, Func<SampleRecord, double?> measure, string caption)
    {
        var perModel = data.Models.Select(m => (Model: m, Values: SampleTimings.Values(data.Samples.Where(s => s.Model == m), measure)))
            .Where(x => x.Values.Count > 0).ToList();
        if (perModel.Count == 0)
            return null;
        var plot = ChartStyle.NewPlot($"{title} ({unit})", unit);
        for (var i = 0; i < perModel.Count; i++)
        {
            var v = perModel[i].Values;
            var box = new Box
            {
                Position = i,
                BoxMin = Percentile.OfSorted(v, 0.25),
                BoxMax = Percentile.OfSorted(v, 0.75),
                BoxMiddle = Percentile.OfSorted(v, 0.5),
                WhiskerMin = Percentile.OfSorted(v, 0.05),
                WhiskerMax = Percentile.OfSorted(v, 0.95),
                FillColor = ChartStyle.ColorOf(i).WithAlpha(0.6),
            };
            plot.Add.Box(box);
        }
        ChartStyle.CategoryTicks(plot, perModel.Select(x => x.Model).ToList());
        plot.Axes.Left.Min = 0;
        plot.Axes.AutoScaleY();
        return ChartStyle.Render(plot, id, title, caption + " " + Hardware(data));
    }

    private static string Hardware(ReportData data)
    {
        var hosts = data.Runs.Select(r => $"{r.Manifest.Host.Cpu} ({r.Manifest.Host.LogicalCores} logical cores)").Distinct().ToList();
        return hosts.Count == 1 ? $"Measured on {hosts[0]}." : $"Measured on {hosts.Count} machines: {string.Join("; ", hosts)}.";
    }
}
