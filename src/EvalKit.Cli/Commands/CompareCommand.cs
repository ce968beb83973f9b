using System.ComponentModel;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Core.Metrics;
using EvalKit.Reports;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace EvalKit.Cli.Commands;

/// <summary><c>evalkit compare BASELINE CANDIDATE</c>: paired differences per suite, gates, and optionally a report.</summary>
public sealed class CompareCommand(IAnsiConsole console) : Command<CompareCommand.Settings>
{
    public sealed class Settings : GateSettings
    {
        [CommandArgument(0, "<BASELINE_RUN>")]
        [Description("The run to compare against (results/<run-id>), e.g. the last release or the teacher.")]
        public string Baseline { get; init; } = "";

        [CommandArgument(1, "<CANDIDATE_RUN>")]
        [Description("The new run. Each of its models is paired with the baseline model of the same name (or the only one).")]
        public string Candidate { get; init; } = "";

        [CommandOption("-o|--out <DIR>")]
        [Description("Also write the report (index.html, summary.md, junit.xml, charts) into DIR.")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var gates = settings.Gates();
        var baseline = RunData.Load(settings.Baseline);
        var candidate = RunData.Load(settings.Candidate);
        WarningLines.Write(console, [.. baseline.Warnings, .. candidate.Warnings]);
        var report = GateSettings.WithGates(ReportData.ForComparison(baseline, candidate, settings.Title), gates);
        if (report.Comparisons.Count == 0)
            throw new EvalKitException("The two runs have no model and suite in common to compare.",
                "Each candidate model is paired with the baseline model of the same name, or with the baseline's only model.");

        var table = new Table().Title("Candidate − baseline (paired, 95% interval)")
            .AddColumns("suite", "candidate", "baseline", "difference", "interval", "McNemar p", "verdict");
        foreach (var c in report.Comparisons)
        {
            var d = c.Overall;
            table.AddRow(TerminalText.Escape(c.Suite), TerminalText.Escape(c.Candidate), TerminalText.Escape(c.Baseline),
                NumberText.Fixed(d.Difference * 100, 1, plus: true) + "pp", TerminalText.Escape($"[{NumberText.Fixed(d.Low * 100, 1)}, {NumberText.Fixed(d.High * 100, 1)}]"),
                Invariant($"{d.McNemarP:0.000}"), d.Verdict switch
                {
                    ComparisonVerdict.Worse => "[red]worse[/]",
                    ComparisonVerdict.Better => "[green]better[/]",
                    _ => "no significant difference",
                });
        }
        console.Write(table);
        foreach (var note in report.Notes)
            console.MarkupLine($"[yellow]note:[/] {TerminalText.Escape(note)}");
        if (settings.Out is not null)
        {
            ReportWriterCatalog.WriteAll(report, settings.Out);
            console.MarkupLine($"Report: [blue]{TerminalText.Escape(Path.Combine(settings.Out, HtmlReportWriter.FileName))}[/]");
        }
        GateTable.Write(console, report);
        return report.GatesPassed ? ExitCodes.Ok : ExitCodes.GateFailed;
    }
}
