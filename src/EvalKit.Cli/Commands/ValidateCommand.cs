using System.ComponentModel;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Core.Suites;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary><c>evalkit validate PATH...</c>: every problem in every suite file, without loading a model.</summary>
public sealed class ValidateCommand(IAnsiConsole console) : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<PATH>")]
        [Description("Suite files or folders (folders are searched for *.yaml and *.yml).")]
        public string[] Paths { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var diagnostics = SuiteLoader.Validate(settings.Paths);
        if (diagnostics.Count == 0)
        {
            var suites = SuiteLoader.LoadAll(settings.Paths);
            console.MarkupLine($"[green]ok:[/] {suites.Count} suite(s), {suites.Sum(s => s.Cases.Count)} case(s), no problems.");
            return ExitCodes.Ok;
        }
        foreach (var diagnostic in diagnostics)
            console.WriteLine(TerminalText.Clean(diagnostic.ToString()));
        console.MarkupLine($"[red]{diagnostics.Count} problem(s).[/] The format is described in docs/suites.md.");
        return ExitCodes.BadInput;
    }
}
