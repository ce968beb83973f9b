using System.Text;
using EvalKit.Reports.Internal;
using EvalKit.Reports.Internal.Charts;
using EvalKit.Reports.Internal.Html;
using static EvalKit.Reports.Internal.Html.HtmlText;

namespace EvalKit.Reports;

/// <summary>
/// <c>index.html</c>: one self-contained page (styles, charts and data inline; nothing is fetched) with the headline
/// table, paired differences and flip tables, ScottPlot charts, a filterable per-case drill-down and the manifest.
/// Each chart is also written beside the page as <c>chart-ID.png</c> and <c>chart-ID.svg</c>.
/// Data reaches the page only HTML-encoded or as escaped JSON; the one script is a constant, pinned by a CSP hash.
/// </summary>
public sealed class HtmlReportWriter : IReportWriter
{
    public const string FileName = "index.html";

    public string Name => "html";

    public string Description => $"{FileName}: self-contained page with charts, drill-down and manifest (+ chart PNG/SVG files)";

    public IReadOnlyList<string> Write(ReportData report, string outputDirectory)
    {
        var charts = ReportCharts.Render(report);
        var files = new List<string>();
        foreach (var chart in charts)
        {
            files.Add(OutputFolder.Write(outputDirectory, $"chart-{chart.Id}.svg", chart.Svg));
            files.Add(OutputFolder.Write(outputDirectory, $"chart-{chart.Id}.png", chart.Png));
        }
        files.Insert(0, OutputFolder.Write(outputDirectory, FileName, Render(report, charts)));
        return files;
    }

    internal static string Render(ReportData report, IReadOnlyList<ChartImage> charts)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine($"<meta http-equiv=\"Content-Security-Policy\" content=\"{E(PageAssets.ContentSecurityPolicy)}\">");
        html.AppendLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.AppendLine($"<title>EvalKit report: {E(report.Title)}</title>");
        html.Append("<style>").Append(PageAssets.Css).AppendLine("</style></head><body>");
        html.AppendLine($"<header><h1>EvalKit report <span class=\"title\">{E(report.Title)}</span></h1>");
        html.AppendLine("<nav><a href=\"#headline\">Results</a> <a href=\"#comparisons\">Differences</a> <a href=\"#charts\">Charts</a> <a href=\"#drilldown\">Cases</a> <a href=\"#manifest\">Manifest</a></nav></header><main>");
        SummarySections.Gates(html, report);
        SummarySections.Notes(html, report);
        SummarySections.Headline(html, report);
        SummarySections.Comparisons(html, report);
        Charts(html, charts);
        SummarySections.Speed(html, report);
        html.AppendLine(DrillDownShell);
        ManifestSection.Write(html, report);
        html.AppendLine("</main>");
        html.Append("<script type=\"application/json\" id=\"report-data\">").Append(DrillDownData.Json(report)).AppendLine("</script>");
        html.Append("<script>").Append(PageAssets.Script).AppendLine("</script>");
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void Charts(StringBuilder html, IReadOnlyList<ChartImage> charts)
    {
        html.AppendLine("<section id=\"charts\"><h2>Charts</h2><div class=\"charts\">");
        foreach (var chart in charts)
        {
            var svg = Convert.ToBase64String(Encoding.UTF8.GetBytes(chart.Svg));
            // An SVG shown through <img> runs no script and loads nothing, whatever text it holds.
            html.AppendLine($"<figure class=\"chart\" id=\"chart-{E(chart.Id)}\"><img alt=\"{E(chart.Title)}\" src=\"data:image/svg+xml;base64,{svg}\">");
            html.AppendLine($"<figcaption>{E(chart.Caption)} <a href=\"chart-{E(chart.Id)}.png\">PNG</a> <a href=\"chart-{E(chart.Id)}.svg\">SVG</a></figcaption></figure>");
        }
        html.AppendLine("</div></section>");
    }

    private const string DrillDownShell = """
        <section id="drilldown"><h2>Cases</h2>
        <div class="controls" id="drill-controls">
        <label>Suite <select id="f-suite"></select></label>
        <label>Label <select id="f-label"></select></label>
        <label>Tag <select id="f-tag"></select></label>
        <label><input type="checkbox" id="f-disagree"> disagreement only</label>
        <label>Search <input type="search" id="f-text" placeholder="case id or answer text"></label>
        <button type="button" id="f-clear">clear filters</button>
        </div>
        <p id="drill-status" class="note"></p>
        <div class="pager"><button type="button" id="p-prev">‹ previous</button> <span id="p-info"></span> <button type="button" id="p-next">next ›</button></div>
        <table id="drill-table" class="cases"><thead></thead><tbody></tbody></table>
        <noscript><p>The drill-down needs JavaScript; samples.jsonl in the run folder holds the same data.</p></noscript>
        </section>
        """;
}
