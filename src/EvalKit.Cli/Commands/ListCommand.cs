using System.ComponentModel;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Core.Suites;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary><c>evalkit list [PATH...]</c>: the suites found, their kind and case counts.</summary>
public sealed class ListCommand(IAnsiConsole console) : Command<ListCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[PATH]")]
        [Description("Suite files or folders. Default: suites")]
        public string[] Paths { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var paths = settings.Paths.Length > 0 ? settings.Paths : ["suites"];
        var suites = SuiteLoader.LoadAll(paths);
        var table = new Table().AddColumns("suite", "kind", "cases", "scorer", "file");
        foreach (var suite in suites)
        {
            table.AddRow(
                TerminalText.Escape(suite.Id),
                suite.Kind.ToString().ToLowerInvariant(),
                suite.Cases.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TerminalText.Escape(suite.Scorer.Type),
                TerminalText.Escape(suite.SourcePath));
        }
        console.Write(table);
        console.MarkupLine($"{suites.Count} suite(s), {suites.Sum(s => s.Cases.Count)} case(s).");
        return ExitCodes.Ok;
    }
}
