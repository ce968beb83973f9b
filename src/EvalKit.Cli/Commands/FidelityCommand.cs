using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using EvalKit.Cli.Models;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Suites;
using EvalKit.Llama;
using EvalKit.Llama.Fidelity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary><c>evalkit fidelity</c>: per-token KL and top-1 agreement of a student against its teacher, written to fidelity.json.</summary>
public sealed class FidelityCommand(IAnsiConsole console) : AsyncCommand<FidelityCommand.Settings>
{
    public sealed class Settings : LocalModelSettings
    {
        [CommandOption("--teacher <PATH>")]
        [Description("The teacher's GGUF model file. Required.")]
        public string? Teacher { get; init; }

        [CommandOption("--student <PATH>")]
        [Description("The student's GGUF model file; it must use the teacher's tokenizer. Required.")]
        public string? Student { get; init; }

        [CommandOption("-s|--suite <PATH>")]
        [Description("Suite files or folders: the teacher continues every case's prompt greedily and the student is compared on that completion.")]
        public string[] Suites { get; init; } = [];

        [CommandOption("--text <FILE>")]
        [Description("A UTF-8 text file instead of suites: every paragraph (paragraphs are separated by blank lines) is compared as written.")]
        public string? Text { get; init; }

        [CommandOption("--max-tokens <N>")]
        [Bounds(1, 1048576)]
        [Description("The most tokens the teacher generates per prompt.")]
        [DefaultValue(128)]
        public int MaxTokens { get; init; } = 128;

        [CommandOption("-o|--out <FILE>")]
        [Description("Where to write the report.")]
        [DefaultValue("fidelity.json")]
        public string Out { get; init; } = "fidelity.json";

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Teacher) || string.IsNullOrWhiteSpace(Student))
                return ValidationResult.Error("Pass both --teacher PATH and --student PATH (GGUF files with the same tokenizer).");
            if ((Suites.Length > 0) == (Text is not null))
                return ValidationResult.Error("Pass either --suite PATH (the teacher completes each case) or --text FILE (paragraphs compared as written), not both.");
            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var inputs = settings.Text is { } text ? Paragraphs(text) : Prompts(SuiteLoader.LoadAll(settings.Suites));
        if (inputs.Count == 0)
            throw new EvalKitException("There is nothing to compare: the suites have no cases, or the text file has no paragraphs.");
        var registry = new BackendRegistry(settings.ToLocalOptions());
        ModelSpec[] specs = [new("teacher", settings.Teacher!), new("student", settings.Student!)];
        if (specs.SelectMany(spec => registry.Check(spec).Select(problem => $"{spec.Name}: {problem}")).ToList() is [_, ..] problems)
            throw new EvalKitException(string.Join(Environment.NewLine, problems), "Nothing was loaded. Pass existing GGUF files.");

        await using var teacher = await LoadAsync(registry, specs[0], cancellationToken);
        await using var student = await LoadAsync(registry, specs[1], cancellationToken);
        var fidelity = new DistillationFidelity(teacher, student);
        console.MarkupLine($"Comparing {inputs.Count} sequence(s); shared tokenizer of {fidelity.VocabSize} tokens.");
        var progress = new Progress<FidelitySequence>(s => console.MarkupLine(TerminalText.Escape(Line(s))));
        var report = await fidelity.MeasureAsync(inputs, new FidelityOptions { MaxTokens = settings.MaxTokens }, progress, cancellationToken);

        AtomicFile.WriteAllText(settings.Out, JsonSerializer.Serialize(report, JsonDefaults.Indented));
        var (kl, top1) = (report.KlDivergence, report.Top1Agreement);
        console.MarkupLine(TerminalText.Escape(Invariant(
            $"KL(teacher‖student): {kl.Value:G4} nats/token [{kl.Low:G4}, {kl.High:G4}]; top-1 agreement: {top1.Value * 100:F1}% [{top1.Low * 100:F1}, {top1.High * 100:F1}] over {report.Tokens} tokens in {report.Sequences} sequence(s); 95% bootstrap over {report.IntervalUnit}s.")));
        console.MarkupLine($"Report: [blue]{TerminalText.Escape(settings.Out)}[/]");
        return ExitCodes.Ok;
    }

    private static async Task<LlamaBackend> LoadAsync(BackendRegistry registry, ModelSpec spec, CancellationToken cancellationToken)
    {
        var backend = await registry.LoadAsync(spec, cancellationToken);
        if (backend is LlamaBackend llama)
            return llama;
        await backend.DisposeAsync();
        throw new EvalKitException($"The {spec.Name} {spec.Source} is not a local GGUF model.", "Distillation fidelity reads next-token distributions, which only local llama.cpp models expose.");
    }

    private static List<FidelityInput> Prompts(IReadOnlyList<Suite> suites) =>
        [.. suites.SelectMany(suite => suite.Cases.Select(c => FidelityInput.FromPrompt($"{suite.Id}/{c.Id}",
            c.Prompt is { } prompt ? GenerationRequest.Raw(prompt, new()) : GenerationRequest.Chat(suite.ChatMessagesFor(c), new()))))];

    private static List<FidelityInput> Paragraphs(string path)
    {
        if (!File.Exists(path))
            throw new EvalKitException($"Text file not found: {path}", "Pass a UTF-8 text file with --text.");
        var paragraphs = File.ReadAllText(path).ReplaceLineEndings("\n").Split("\n\n")
            .Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        return [.. paragraphs.Select((p, i) => FidelityInput.FromText($"paragraph-{i + 1}", p))];
    }

    private static string Line(FidelitySequence s) => Invariant(
        $"  {s.Id}: {s.Tokens} tokens, KL {s.MeanKl:G4} nats/token, top-1 agreement {s.Top1Agreement * 100:F1}%{(s.Truncated ? " (cut to the context)" : "")}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
