using System.ComponentModel;
using System.Globalization;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Llama;
using EvalKit.Llama.Fixtures;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary>
/// <c>evalkit fixtures synth</c>: a model with a real model's shape and seeded random weights, so its speed stands in
/// for the real model's on the same hardware (its answers are noise).
/// </summary>
public sealed class FixturesSynthCommand(IAnsiConsole console) : Command<FixturesSynthCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandOption("--shape <NAME>")]
        [Description("A preset shape: tiny, qwen2-0.5b, qwen2-1.5b, llama-7b. Individual options below override it.")]
        public string? Shape { get; init; }

        [CommandOption("--arch <ARCH>")]
        [Description("llama or qwen2.")]
        public string? Architecture { get; init; }

        [CommandOption("--layers <N>")] [Bounds(1, 1024)] [Description("Transformer blocks.")] public int? Layers { get; init; }
        [CommandOption("--dim <N>")] [Bounds(1, 65536)] [Description("Embedding width.")] public int? Dim { get; init; }
        [CommandOption("--heads <N>")] [Bounds(1, 1024)] [Description("Attention heads.")] public int? Heads { get; init; }
        [CommandOption("--kv-heads <N>")] [Bounds(1, 1024)] [Description("Key/value heads (grouped-query attention).")] public int? KvHeads { get; init; }
        [CommandOption("--ffn <N>")] [Bounds(1, 1048576)] [Description("Feed-forward width.")] public int? FeedForward { get; init; }
        [CommandOption("--vocab <N>")] [Bounds(1, 1048576)] [Description("Vocabulary size.")] public int? Vocabulary { get; init; }
        [CommandOption("--ctx <N>")] [Bounds(1, int.MaxValue)] [Description("Trained context length recorded in the file.")] public int? Context { get; init; }

        [CommandOption("--type <TYPE>")]
        [Description("f32, f16, q8_0, q4_0 or q4_k_m (quantised by llama.cpp's own quantiser).")]
        [DefaultValue("f16")]
        public string Type { get; init; } = "f16";

        [CommandOption("--seed <N>")]
        [Bounds(0, long.MaxValue)]
        [Description("Seed of the random weights; the same seed writes the same file.")]
        [DefaultValue(42ul)]
        public ulong Seed { get; init; } = 42;

        [CommandOption("-o|--output <MODEL>")]
        [Description("Where to write the GGUF file.")]
        public string Output { get; init; } = "";

        public override ValidationResult Validate()
        {
            if (Output.Length == 0)
                return ValidationResult.Error("Pass --output PATH.gguf.");
            if (Shape is null && (Layers is null || Dim is null || Heads is null || FeedForward is null || Vocabulary is null))
                return ValidationResult.Error("Pass --shape NAME, or all of --layers, --dim, --heads, --ffn and --vocab.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var preset = settings.Shape is null ? null : SyntheticModelShape.Preset(settings.Shape);
        var shape = new SyntheticModelShape(
            settings.Architecture ?? preset?.Architecture ?? "llama",
            settings.Layers ?? preset!.Layers,
            settings.Dim ?? preset!.Embedding,
            settings.Heads ?? preset!.Heads,
            settings.KvHeads ?? preset?.KvHeads ?? settings.Heads!.Value,
            settings.FeedForward ?? preset!.FeedForward,
            settings.Vocabulary ?? preset!.Vocabulary,
            settings.Context ?? preset?.ContextLength ?? 4096,
            preset?.TiedEmbeddings ?? false,
            preset?.RopeFreqBase ?? 10_000f);
        shape.Validate();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(settings.Output))!);
        console.MarkupLine(TerminalText.Escape(string.Create(CultureInfo.InvariantCulture,
            $"writing {settings.Type} model of shape {settings.Shape ?? "custom"} ({shape.ParameterCount:N0} parameters) to {settings.Output} ...")));
        NativeLibrarySetup.Ensure();
        SyntheticModelWriter.WriteQuantized(shape, settings.Output, settings.Type, settings.Seed);
        console.MarkupLine($"wrote [blue]{TerminalText.Escape(settings.Output)}[/] ({new FileInfo(settings.Output).Length / 1048576.0:F1} MiB)");
        return ExitCodes.Ok;
    }
}
