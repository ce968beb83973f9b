using System.ComponentModel;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary><c>evalkit merge RUN_DIR... -o OUT</c>: the result folders of the shards of one run, combined into one run.</summary>
public sealed class MergeCommand(IAnsiConsole console) : Command<MergeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<RUN_DIR>")]
        [Description("The result folders of every shard of one run (evalkit run --shard K/N).")]
        public string[] Runs { get; init; } = [];

        [CommandOption("-o|--out <DIR>")]
        [Description("The merged run's folder; it must not exist yet (or be empty). Required.")]
        public string? Out { get; init; }

        public override ValidationResult Validate() =>
            string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("Pass -o DIR: the folder for the merged run.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        WarningLines.Write(console, [.. settings.Runs.Where(Directory.Exists).SelectMany(run => SamplesReader.ReadFile(run).Warnings)]);
        var result = RunMerger.Merge(settings.Runs, settings.Out!);
        SummaryTable.Write(console, result.Metrics);
        console.MarkupLine($"Merged {settings.Runs.Length} shard(s) into [blue]{TerminalText.Escape(result.Directory.Path)}[/] (run.json, samples.jsonl, metrics.json)");
        return ExitCodes.Ok;
    }
}
