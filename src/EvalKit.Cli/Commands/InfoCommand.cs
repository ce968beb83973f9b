using System.ComponentModel;
using System.Globalization;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Llama.Gguf;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary><c>evalkit info MODEL.gguf</c>: what a GGUF file holds, read without loading its weights.</summary>
public sealed class InfoCommand(IAnsiConsole console) : Command<InfoCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<MODEL>")]
        [Description("A GGUF model file.")]
        public string[] Models { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        foreach (var path in settings.Models)
        {
            var summary = GgufModelSummary.Read(path);
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
            console.MarkupLine($"[bold]{TerminalText.Escape(path)}[/]");
            console.Write(table);
        }
        return ExitCodes.Ok;
    }
}
