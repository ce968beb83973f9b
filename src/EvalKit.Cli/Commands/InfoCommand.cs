using System.ComponentModel;
using System.Globalization;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Llama.Gguf;
using EvalKit.Llama.Memory;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary>
/// <c>evalkit info MODEL.gguf</c>: what a GGUF file holds, read without loading its weights, and the memory a load
/// with <c>--ctx</c> and <c>--parallel</c> would need (see <see cref="ModelMemoryEstimate"/>).
/// </summary>
public sealed class InfoCommand(IAnsiConsole console) : Command<InfoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("A GGUF model file.")]
        public string[] Models { get; init; } = [];

        [CommandOption("-c|--ctx <N>")]
        [Bounds(1, 134217728)]
        [Description("Context size for the memory estimate, as 'run --ctx' would use it. Default: 2048, capped at the model's trained context.")]
        [DefaultValue(2048)]
        public int ContextSize { get; init; } = 2048;

        [CommandOption("--parallel <N>")]
        [Bounds(1, 1024)]
        [Description("Sequences decoded together for the memory estimate, as 'run --parallel' would use them.")]
        [DefaultValue(1)]
        public int Parallel { get; init; } = 1;

        [CommandOption("--gpu-layers <N>")]
        [Bounds(0, 100000)]
        [Description("Layers offloaded to a GPU for the memory estimate's GPU part.")]
        [DefaultValue(0)]
        public int GpuLayers { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        foreach (var path in settings.Models)
        {
            var file = GgufReader.Read(path);
            var summary = GgufModelSummary.From(file);
            var table = new Table().HideHeaders().AddColumns("field", "value");
            void Row(string field, object? value) =>
                table.AddRow(field, TerminalText.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : "-"));
            Row("architecture", summary.Architecture);
            Row("name", summary.Name);
            Row("parameters", summary.ParameterCount.ToString("N0", CultureInfo.InvariantCulture));
            Row("file type", summary.FileType);
            Row("file size", $"{summary.FileSize / 1048576.0:F1} MiB");
            Row("tensors", summary.TensorCount);
            Row("context length", summary.ContextLength);
            Row("tokenizer", summary.TokenizerModel + (summary.TokenizerPre is { } pre ? $" ({pre})" : ""));
            Row("vocabulary", summary.VocabularySize);
            Row("bos / eos", $"{summary.BosTokenId} / {summary.EosTokenId}");
            Row("chat template", summary.ChatTemplate is null ? "none" : $"yes ({summary.ChatTemplate.Length} chars)");
            if (summary.IsVocabOnly)
                Row("note", "vocabulary only: no weights, cannot generate");
            else
                MemoryRows(Row, ModelMemoryEstimate.For(file, settings.ContextSize, settings.Parallel, settings.GpuLayers));
            console.MarkupLine($"[bold]{TerminalText.Escape(path)}[/]");
            console.Write(table);
        }
        return ExitCodes.Ok;
    }

    private static void MemoryRows(Action<string, object?> row, ModelMemoryEstimate e)
    {
        var cells = e.Sequences > 1 ? $"{e.KvCells:N0} cells: {e.ContextSize} + {e.Sequences} × {e.ContextSize}" : $"{e.KvCells:N0} cells";
        row("memory: weights", ModelMemoryEstimate.Format(e.WeightBytes));
        row("memory: KV cache", $"{ModelMemoryEstimate.Format(e.KvCacheBytes)} (f16, {cells})");
        row("memory: compute", ModelMemoryEstimate.Format(e.ComputeBytes));
        row("memory: total", ModelMemoryEstimate.Format(e.TotalBytes) +
            (e.GpuLayers > 0 ? $" ({ModelMemoryEstimate.Format(e.GpuBytes)} on the GPU with {e.GpuLayers} layers, {ModelMemoryEstimate.Format(e.HostBytes)} host)" : ""));
        row("memory available", MemoryCheck.AvailableHostBytes() is { } available ? ModelMemoryEstimate.Format(available) : "unknown");
    }
}
