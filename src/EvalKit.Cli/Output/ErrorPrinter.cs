using EvalKit.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Output;

/// <summary>Prints an error in the CLI's words without a stack trace (unless it is a bug) and picks the documented exit code.</summary>
public static class ErrorPrinter
{
    public static int Print(IAnsiConsole console, Exception exception)
    {
        switch (exception)
        {
            case EvalKitException known:
                console.MarkupLine($"[red]error:[/] {TerminalText.Escape(CliWording.Message(known))}");
                if (CliWording.Hint(known) is { } hint)
                    console.MarkupLine($"[grey]hint:[/] {TerminalText.Escape(hint)}");
                return ExitCodes.For(known.Kind);
            case CommandAppException parse:
                console.MarkupLine($"[red]error:[/] {TerminalText.Escape(parse.Message)}");
                console.MarkupLine("[grey]hint:[/] run 'evalkit --help' or 'evalkit COMMAND --help' for usage and examples.");
                return ExitCodes.BadInput;
            case OperationCanceledException:
                console.MarkupLine("[yellow]cancelled.[/]");
                return ExitCodes.Cancelled;
            default:
                console.MarkupLine("[red]internal error (a bug in EvalKit; please report it with this trace):[/]");
                console.WriteLine(TerminalText.Clean(exception.ToString()));
                return ExitCodes.RuntimeFailure;
        }
    }
}
