namespace EvalKit.Reports.Internal.Charts;

/// <summary>Every chart the report shows, in page order; a chart whose data is absent is left out.</summary>
internal static class ReportCharts
{
    private static readonly Func<ReportData, ChartImage?>[] _charts =
    [
        QualityCharts.PerSuite,
        QualityCharts.HallucinationVsAbstention,
        QualityCharts.BiasPerCategory,
        CensorshipCharts.ByRoleAndLanguage,
        CensorshipCharts.ByTopic,
        SpeedCharts.TokensPerSecond,
        SpeedCharts.TimeToFirstToken,
        SpeedCharts.TimePerToken,
        SpeedCharts.QualityVsSpeed,
    ];

    public static IReadOnlyList<ChartImage> Render(ReportData data) =>
        _charts.Select(chart => chart(data)).OfType<ChartImage>().ToList();
}
