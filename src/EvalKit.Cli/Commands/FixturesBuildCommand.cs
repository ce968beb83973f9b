using System.ComponentModel;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Llama.Fixtures;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary>
/// <c>evalkit fixtures build SPEC -o MODEL.gguf</c>: compiles a programmed fixture model whose greedy answers
/// are fixed in advance. Skips the work when the output was already built from the same spec digest.
/// </summary>
public sealed class FixturesBuildCommand(IAnsiConsole console) : Command<FixturesBuildCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<SPEC>")]
        [Description("A fixture spec (*.fixture.yaml); the format is in docs/fixtures.md.")]
        public string Spec { get; init; } = "";

        [CommandOption("-o|--output <MODEL>")]
        [Description("Where to write the GGUF file.")]
        public string Output { get; init; } = "";

        [CommandOption("--force")]
        [Description("Rebuild even when the output already matches the spec's digest.")]
        public bool Force { get; init; }

        public override ValidationResult Validate() =>
            Output.Length == 0 ? ValidationResult.Error("Pass --output PATH.gguf for the compiled model.") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(settings.Spec))
            throw Errors.PathNotFound("Fixture spec", settings.Spec, "Pass a *.fixture.yaml file, e.g. fixtures/teacher.fixture.yaml.");
        var spec = FixtureSpec.Load(settings.Spec);
        var directory = Path.GetDirectoryName(Path.GetFullPath(settings.Output))!;
        Directory.CreateDirectory(directory);
        if (settings.Force)
        {
            FixtureCompiler.Compile(spec, settings.Output);
            console.MarkupLine($"built [blue]{TerminalText.Escape(settings.Output)}[/] from {TerminalText.Escape(settings.Spec)} ({spec.Pairs.Count} programmed pairs)");
        }
        else if (FixtureCompiler.CompileIfChanged(spec, settings.Output))
            console.MarkupLine($"built [blue]{TerminalText.Escape(settings.Output)}[/] from {TerminalText.Escape(settings.Spec)} ({spec.Pairs.Count} programmed pairs)");
        else
            console.MarkupLine($"up to date: [blue]{TerminalText.Escape(settings.Output)}[/] (spec digest {spec.Digest[..12]})");
        return ExitCodes.Ok;
    }
}
