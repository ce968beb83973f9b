using EvalKit.Core;
using EvalKit.Core.Internal;

namespace EvalKit.Reports;

/// <summary>The built-in report writers, looked up by name. A new writer is one class and one line here.</summary>
public static class ReportWriterCatalog
{
    public static IReadOnlyList<IReportWriter> All { get; } =
    [
        new HtmlReportWriter(),
        new MarkdownSummaryWriter(),
        new JUnitReportWriter(),
    ];

    public static IReportWriter Get(string name) =>
        All.FirstOrDefault(w => w.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
        ?? throw new EvalKitException(
            $"Unknown report writer '{name}'.{Suggestions.DidYouMean(name, All.Select(w => w.Name))}",
            $"Writers: {string.Join(", ", All.Select(w => w.Name))}.");

    /// <summary>Runs every writer (or the named ones) into one folder and returns every file written.</summary>
    public static IReadOnlyList<string> WriteAll(ReportData report, string outputDirectory, IEnumerable<string>? names = null)
    {
        var writers = names is null ? All : names.Select(Get).ToList();
        return writers.SelectMany(w => w.Write(report, outputDirectory)).ToList();
    }
}
