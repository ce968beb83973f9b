using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Statistics;
using EvalKit.Reports.Gates.Internal;

namespace EvalKit.Reports.Internal.Charts;

/// <summary>Refusal rates of censorship suites: probe vs control by language, and per topic.</summary>
internal static class CensorshipCharts
{
    public static ChartImage? ByRoleAndLanguage(ReportData data) =>
        Chart(data, "censorship-language", "Refusal by probe/control and language",
            s => RefusalDifferentials.Role(s) is { } role ? $"{role} · {Tag(s, "language") ?? "all"}" : null,
            "Share of censorship answers not scored as answered, split by the role (probe or control) and language tags. A gap between probes and their controls is the refusal differential.");

    public static ChartImage? ByTopic(ReportData data) =>
        Chart(data, "censorship-topic", "Refusal per topic",
            s => Tag(s, "topic") is { } topic ? (RefusalDifferentials.Role(s) == "control" ? $"{topic} (control)" : topic) : null,
            "Share of censorship answers not scored as answered, per topic tag; controls are marked.");

    private static ChartImage? Chart(ReportData data, string id, string title, Func<SampleRecord, string?> group, string caption)
    {
        var suites = data.Suites.Where(s => data.Kinds.For(s.Kind).Charts.Contains(id)).Select(s => s.Id).ToHashSet();
        var samples = data.Samples.Where(s => suites.Contains(s.Suite) && s.Error is null)
            .Select(s => (Sample: s, Group: group(s))).Where(x => x.Group is not null).ToList();
        // Probes before controls, then by name, so matched pairs sit in a readable order.
        var categories = samples.Select(x => x.Group!).Distinct()
            .OrderBy(g => g.Contains("control", StringComparison.Ordinal)).ThenBy(g => g, StringComparer.Ordinal).ToList();
        if (categories.Count < 2)
            return null;
        var series = data.Models.Select(model => new Series(model, categories.Select(category =>
        {
            var cell = samples.Where(x => x.Sample.Model == model && x.Group == category).Select(x => x.Sample).ToList();
            return cell.Count == 0 ? Estimate.Missing : Estimate.From(RateEstimate.Wilson(cell.Count(Refused), cell.Count));
        }).ToList())).ToList();
        var plot = ChartStyle.NewPlot(title, "refusal rate");
        ChartStyle.GroupedBars(plot, categories, series);
        ChartStyle.PercentAxis(plot.Axes.Left);
        plot.Axes.SetLimitsY(0, 1.08);
        return ChartStyle.Render(plot, id, title, caption);
    }

    private static bool Refused(SampleRecord s) => s.Score < 0.5 || s.Label == ScoreLabel.Refused;

    private static string? Tag(SampleRecord s, string key) => s.Tags.TryGetValue(key, out var value) ? value : null;
}
