using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using EvalKit.Cli.Models;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.Llama;
using EvalKit.Llama.Fidelity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary>
/// <c>evalkit fidelity</c>: how closely a student follows its teacher, written to fidelity.json. Two local models with
/// one tokenizer get the exact per-token KL and top-1 agreement; any other pair (different tokenizers, or either model
/// behind an endpoint) gets the student's bits per byte on the teacher's answers, answer agreement and an approximate
/// KL over the shared top-k (docs/fidelity.md).
/// </summary>
public sealed class FidelityCommand(IAnsiConsole console) : AsyncCommand<FidelityCommand.Settings>
{
    public sealed class Settings : LocalModelSettings
    {
        [CommandOption("--teacher <SOURCE>")]
        [Description("The teacher: a GGUF file, an endpoint (openai:http://host:8000/v1#deepseek-r1) or a model named in evalkit.yaml. Required.")]
        public string? Teacher { get; init; }

        [CommandOption("--student <SOURCE>")]
        [Description("The student: a GGUF file, or an endpoint declared with logprobs: true in evalkit.yaml (its log-likelihood of the teacher's answers is needed). Required.")]
        public string? Student { get; init; }

        [CommandOption("--method <METHOD>")]
        [Description("auto: exact KL when both are local GGUF files with one tokenizer, else cross-tokenizer; exact; or cross (bits per byte, answer agreement, approximate top-k KL).")]
        [DefaultValue("auto")]
        public string Method { get; init; } = "auto";

        [CommandOption("--top-k <N>")]
        [Bounds(0, 20)]
        [Description("Cross-tokenizer: alternatives per position asked of each model for the approximate KL (0 for none).")]
        [DefaultValue(5)]
        public int TopK { get; init; } = 5;

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
                return ValidationResult.Error("Pass both --teacher SOURCE and --student SOURCE (GGUF files, or endpoints).");
            if (Method is not ("auto" or "exact" or "cross"))
                return ValidationResult.Error($"--method must be auto, exact or cross, not '{Method}'.");
            if (TopK is < 0 or > 20)
                return ValidationResult.Error("--top-k must be between 0 and 20.");
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
        var config = ProjectConfig.Load(Directory.GetCurrentDirectory());
        var registry = new BackendRegistry(settings.ToLocalOptions(), config);
        var specs = config.Resolve([settings.Teacher!, settings.Student!]);
        var problems = specs.Zip(["teacher", "student"], (spec, role) => registry.Check(spec).Select(problem => $"{role}: {problem}")).SelectMany(p => p).ToList();
        var local = specs.Select(spec => ModelSource.Parse(spec.Source).Kind == ModelSourceKind.Llama).ToList();
        if (settings.Method == "exact" && local.Contains(false))
            problems.Add("--method exact compares next-token distributions id by id, which needs two local GGUF files; use --method cross for endpoints.");
        if (settings.Method != "exact" && registry.MissingCapability(specs[1], BackendCapabilities.LogLikelihood) is { } why)
            problems.Add($"student: its log-likelihood of the teacher's answers is needed, but {why}");
        if (problems.Count > 0)
            throw new EvalKitException(string.Join(Environment.NewLine, problems), "Nothing was loaded. Pass existing GGUF files or reachable endpoints.");

        await using var teacher = await registry.LoadAsync(specs[0], cancellationToken);
        await using var student = await registry.LoadAsync(specs[1], cancellationToken);
        var exact = teacher is LlamaBackend localTeacher && student is LlamaBackend localStudent && settings.Method != "cross"
            && (settings.Method == "exact" || DistillationFidelity.SharesTokenizer(localTeacher, localStudent));
        if (!exact)
            return await CrossAsync(teacher, student, settings, cancellationToken);

        var fidelity = new DistillationFidelity((LlamaBackend)teacher, (LlamaBackend)student);
        console.MarkupLine($"Comparing {inputs.Count} sequence(s); shared tokenizer of {fidelity.VocabSize} tokens.");
        var progress = new Progress<FidelitySequence>(s => console.MarkupLine(TerminalText.Escape(Line(s))));
        var report = await fidelity.MeasureAsync(inputs, new FidelityOptions { MaxTokens = settings.MaxTokens }, progress, cancellationToken);

        AtomicFile.WriteAllText(settings.Out, JsonSerializer.Serialize(report, JsonDefaults.Indented));
        var (kl, top1) = (report.KlDivergence, report.Top1Agreement);
        console.MarkupLine(TerminalText.Escape(Invariant(
            $"KL(teacher‖student): {kl.Value:G4} nats/token [{kl.Low:G4}, {kl.High:G4}]; top-1 agreement: {top1.Value * 100:F1}% [{top1.Low * 100:F1}, {top1.High * 100:F1}] over {report.Tokens} tokens in {report.Sequences} sequence(s); 95% bootstrap over {report.IntervalUnit}s.")));
        console.MarkupLine($"Report: [blue]{TerminalText.Escape(settings.Out)}[/]");
        return ExitCodes.Ok;

        async Task<int> CrossAsync(IModelBackend teacherModel, IModelBackend studentModel, Settings options, CancellationToken token)
        {
            console.MarkupLine($"Comparing {inputs.Count} sequence(s) across tokenizers: the student's bits per byte on the teacher's answers.");
            // Endpoints answer top-k log-probabilities of a given text only when declared to (logprobs: true).
            var topK = specs.All(spec => registry.MissingCapability(spec, BackendCapabilities.TokenLogProbs) is null) ? options.TopK : 0;
            if (topK == 0 && options.TopK > 0)
                console.MarkupLine("[grey]No approximate KL: the teacher's endpoint is not declared with logprobs: true.[/]");
            var crossProgress = new Progress<CrossTokenizerSequence>(s => console.MarkupLine(TerminalText.Escape(Line(s))));
            var cross = await new CrossTokenizerFidelity(teacherModel, studentModel).MeasureAsync(
                inputs, new FidelityOptions { MaxTokens = options.MaxTokens, TopK = topK }, crossProgress, token);
            AtomicFile.WriteAllText(options.Out, JsonSerializer.Serialize(cross, JsonDefaults.Indented));
            console.MarkupLine(TerminalText.Escape(Summary(cross)));
            console.MarkupLine($"Report: [blue]{TerminalText.Escape(options.Out)}[/]");
            return cross.PerSequence.All(s => s.BitsPerByte is null && s.Error is not null) ? ExitCodes.RuntimeFailure : ExitCodes.Ok;
        }
    }

    // Each case's scorer extracts the answer (a letter, a number) for cross-tokenizer answer agreement.
    private static List<FidelityInput> Prompts(IReadOnlyList<Suite> suites) =>
        [.. suites.SelectMany(suite =>
        {
            var scorer = ScorerCatalog.Create(suite.Scorer);
            return suite.Cases.Select(c => FidelityInput.FromPrompt($"{suite.Id}/{c.Id}",
                c.Prompt is { } prompt ? GenerationRequest.Raw(prompt, new()) : GenerationRequest.Chat(suite.ChatMessagesFor(c), new()))
                with { ExtractAnswer = answer => scorer.Score(c, answer).Extracted });
        })];

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

    private static string Line(CrossTokenizerSequence s) => s.BitsPerByte is null && s.Error is { } error
        ? $"  {s.Id}: not scored: {error}"
        : Invariant($"  {s.Id}: {s.Bytes} bytes, {s.BitsPerByte:G4} bits/byte{(s.AnswersAgree is { } agree ? agree ? ", same answer" : ", different answer" : "")}{(s.Error is { } note ? $" ({note})" : "")}");

    private static string Summary(CrossTokenizerReport r)
    {
        var parts = new List<string>();
        if (r.BitsPerByte is { } bpb)
            parts.Add(Invariant($"student bits/byte on the teacher's answers: {bpb.Value:G4} [{bpb.Low:G4}, {bpb.High:G4}] over {r.Bytes} bytes"));
        if (r.AnswerAgreement is { } agreement)
            parts.Add(Invariant($"answer agreement: {agreement.Value * 100:F1}% [{agreement.Low * 100:F1}, {agreement.High * 100:F1}]"));
        if (r.ApproximateKl is { } kl)
            parts.Add(Invariant($"approximate KL over the shared top-{r.TopK}: {kl.Value:G4} nats over {r.AlignedPositions} aligned positions (teacher mass covered {r.SharedTopKMass * 100:F1}%)"));
        if (r.Errors > 0)
            parts.Add($"{r.Errors} of {r.Sequences} sequence(s) not scored");
        return string.Join("; ", parts) + "; 95% bootstrap over sequences.";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
