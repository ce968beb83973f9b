using System.ComponentModel;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Reports;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary><c>evalkit report RUN... -o DIR</c>: index.html, summary.md, junit.xml and chart files from run folders.</summary>
public sealed class ReportCommand(IAnsiConsole console) : Command<ReportCommand.Settings>
{
    public sealed class Settings : GateSettings
    {
        [CommandArgument(0, "<RUN>")]
        [Description("Run folders (results/<run-id>); several runs are shown side by side.")]
        public string[] Runs { get; init; } = [];

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for the report. Default: reports/<last run id>.")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var gates = settings.Gates();
        var runs = settings.Runs.Select(RunData.Load).ToList();
        WarningLines.Write(console, [.. runs.SelectMany(r => r.Warnings)]);
        var report = GateSettings.WithGates(ReportData.FromRuns(runs, settings.Title), gates);
        var output = settings.Out ?? Path.Combine("reports", runs[^1].RunId);
        cancellationToken.ThrowIfCancellationRequested();

        var files = ReportWriterCatalog.WriteAll(report, output);
        console.MarkupLine($"Report: [blue]{TerminalText.Escape(Path.Combine(output, HtmlReportWriter.FileName))}[/] ({files.Count} files, {report.Samples.Count} samples)");
        GateTable.Write(console, report);
        return report.GatesPassed ? ExitCodes.Ok : ExitCodes.GateFailed;
    }
}
