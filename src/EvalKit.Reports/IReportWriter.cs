namespace EvalKit.Reports;

/// <summary>Renders a report's data into files in a folder. Writers read <see cref="ReportData"/> only; they never run a model.</summary>
public interface IReportWriter
{
    /// <summary>The name used on the command line and in the catalog, e.g. <c>html</c>.</summary>
    string Name { get; }

    /// <summary>What the writer produces, for help text.</summary>
    string Description { get; }

    /// <summary>Writes the files into <paramref name="outputDirectory"/> (created if missing) and returns their paths.</summary>
    IReadOnlyList<string> Write(ReportData report, string outputDirectory);
}
