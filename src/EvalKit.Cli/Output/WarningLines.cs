using System.Globalization;
using Spectre.Console;

namespace EvalKit.Cli.Output;

/// <summary>Warnings about input that was set aside (a duplicated sample line, an unknown case): the first few, then a count.</summary>
public static class WarningLines
{
    public const int Shown = 10;

    public static void Write(IAnsiConsole console, IReadOnlyList<string> warnings)
    {
        foreach (var warning in warnings.Take(Shown))
            console.MarkupLine($"[yellow]warning:[/] {TerminalText.Escape(warning)}");
        if (warnings.Count > Shown)
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[yellow]warning:[/] ... and {warnings.Count - Shown} more like these."));
    }
}
