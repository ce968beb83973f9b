using EvalKit.Reports;
using Spectre.Console;

namespace EvalKit.Cli.Output;

/// <summary>Gate verdicts with their reasons, so a CI log says why a build failed.</summary>
public static class GateTable
{
    public static void Write(IAnsiConsole console, ReportData report)
    {
        if (report.Gates.Count == 0)
            return;
        foreach (var gate in report.Gates)
        {
            console.MarkupLine($"{(gate.Passed ? "[green]PASS[/]" : "[red]FAIL[/]")} {TerminalText.Escape(gate.Gate.ToString())}");
            if (gate.Problem is not null)
                console.MarkupLine($"     {TerminalText.Escape(gate.Problem)}");
            foreach (var check in gate.Checks)
                console.MarkupLine($"     {(check.Passed ? "[green]✓[/]" : "[red]✗[/]")} {TerminalText.Escape(check.Reason)}");
        }
        var failed = report.Gates.Count(g => !g.Passed);
        console.MarkupLine(failed == 0
            ? $"[green]All {report.Gates.Count} gate(s) passed.[/]"
            : $"[red]{failed} of {report.Gates.Count} gate(s) failed.[/]");
    }
}
