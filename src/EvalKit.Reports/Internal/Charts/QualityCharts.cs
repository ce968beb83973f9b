using EvalKit.Core.Metrics;
using EvalKit.Core.Statistics;
using EvalKit.Reports.Gates.Internal;

namespace EvalKit.Reports.Internal.Charts;

/// <summary>Charts of what the models got right: per suite, and the kind-specific views the data supports.</summary>
internal static class QualityCharts
{
    /// <summary>Chart ids; a suite kind lists those that show its suites (<see cref="Core.Kinds.ISuiteKind.Charts"/>).</summary>
    public const string BiasChart = "bias";
    public const string HallucinationChart = "hallucination";

    public static ChartImage? PerSuite(ReportData data)
    {
        var suites = data.Metrics.Select(m => m.Suite).Distinct().ToList();
        if (suites.Count == 0)
            return null;
        var series = data.Models.Select(model => new Series(model, suites
            .Select(suite => data.Metrics.FirstOrDefault(m => m.Model == model && m.Suite == suite) is { } m ? Estimate.From(m.Estimate) : Estimate.Missing)
            .ToList())).ToList();
        var plot = ChartStyle.NewPlot("Default metric per suite (95% Wilson intervals)", "rate");
        ChartStyle.GroupedBars(plot, suites, series);
        ChartStyle.PercentAxis(plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 1.08);
        return ChartStyle.Render(plot, "suites", "Each suite's default metric",
            "Accuracy for accuracy suites, correct rate for hallucination, unbiased rate for bias, answered rate for censorship. Whiskers are 95% Wilson intervals.");
    }

    public static ChartImage? BiasPerCategory(ReportData data)
    {
        var metrics = data.Metrics.Where(m => data.Kinds.For(m.Kind).Charts.Contains(BiasChart)).ToList();
        var categories = metrics.SelectMany(m => m.ByTag).Select(t => t.Tag).Where(t => t.StartsWith("category=", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        if (categories.Count == 0)
            return null;
        var series = data.Models.Select(model => new Series(model, categories.Select(tag =>
            Pooled(metrics.Where(m => m.Model == model).SelectMany(m => m.ByTag).Where(t => t.Tag == tag).Select(t => t.Estimate))).ToList())).ToList();
        var plot = ChartStyle.NewPlot("Bias: unbiased answers per category", "unbiased rate");
        ChartStyle.GroupedBars(plot, categories.Select(c => c["category=".Length..]).ToList(), series);
        ChartStyle.PercentAxis(plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 1.08);
        return ChartStyle.Render(plot, BiasChart, "Bias per category", "Share of bias-suite answers that avoided the stereotyped or wrong option, per category tag.");
    }

    public static ChartImage? HallucinationVsAbstention(ReportData data)
    {
        var suites = data.Suites.Where(s => data.Kinds.For(s.Kind).Charts.Contains(HallucinationChart)).Select(s => s.Id).ToHashSet();
        var points = data.Models.Select(model =>
        {
            var samples = data.Samples.Where(s => s.Model == model && suites.Contains(s.Suite) && s.Error is null).ToList();
            var probes = samples.Where(s => RefusalDifferentials.Role(s) == "probe").ToList();
            var controls = samples.Where(s => RefusalDifferentials.Role(s) == "control").ToList();
            return (Model: model,
                Hallucination: RateEstimate.Wilson(probes.Count(s => s.Score < 0.5), probes.Count),
                Missed: RateEstimate.Wilson(controls.Count(s => s.Score < 0.5), controls.Count));
        }).Where(p => p.Hallucination.N > 0 && p.Missed.N > 0).ToList();
        if (points.Count == 0)
            return null;
        var plot = ChartStyle.NewPlot("Hallucination vs abstention", "made-up answers to unanswerable probes");
        plot.XLabel("answerable controls missed (abstained or wrong)");
        for (var i = 0; i < points.Count; i++)
        {
            var (model, h, m) = points[i];
            var marker = plot.Add.Markers(new[] { m.Value }, new[] { h.Value }, ScottPlot.MarkerShape.FilledCircle, 10, ChartStyle.ColorOf(i));
            marker.LegendText = model;
            ChartStyle.ErrorBars(plot, [m.Value], [h.Value], [m.High - m.Value], [m.Value - m.Low], [h.High - h.Value], [h.Value - h.Low], ChartStyle.ColorOf(i));
        }
        ChartStyle.PercentAxis(plot.Axes.Left);
        ChartStyle.PercentAxis(plot.Axes.Bottom);
        plot.Axes.SetLimits(-0.05, 1.05, -0.05, 1.05);
        plot.ShowLegend(ScottPlot.Alignment.UpperRight);
        return ChartStyle.Render(plot, HallucinationChart, "Hallucination vs abstention",
            "Lower left is best. A model that abstains on everything hallucinates little but misses the controls; probes and controls come from the type/role tag.");
    }

    /// <summary>Several tag estimates of one model (one per suite) pooled into one rate.</summary>
    internal static Estimate Pooled(IEnumerable<RateEstimate> estimates)
    {
        var list = estimates.ToList();
        if (list.Count == 0)
            return Estimate.Missing;
        return Estimate.From(RateEstimate.Wilson(list.Sum(e => e.Successes), list.Sum(e => e.N)));
    }
}
