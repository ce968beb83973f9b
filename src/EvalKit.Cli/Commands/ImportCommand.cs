using System.ComponentModel;
using System.Globalization;
using System.Text.RegularExpressions;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Core.Datasets;
using EvalKit.Core.Kinds;
using EvalKit.Core.Results;
using EvalKit.Core.Suites;
using EvalKit.Datasets;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary><c>evalkit import FORMAT PATH -o suite.yaml</c>: a dataset converted into a suite file with its cases inline.</summary>
public sealed partial class ImportCommand(IAnsiConsole console) : Command<ImportCommand.Settings>
{
    private const int ProblemsShown = 20;

    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FORMAT>")]
        [Description("Dataset format: gsm8k, mmlu, arc, humaneval, mbpp, truthfulqa, truthfulqa-mc1, halueval, bbq, crows-pairs, xstest, deccp, ccp-sensitive, jsonl, csv.")]
        public string Format { get; init; } = "";

        [CommandArgument(1, "<PATH>")]
        [Description("The dataset file (or, for mmlu, bbq and deccp, a folder of them).")]
        public string Path { get; init; } = "";

        [CommandOption("-o|--out <FILE>")]
        [Description("The suite file to write. Required.")]
        public string? Out { get; init; }

        [CommandOption("--limit <N>")]
        [Bounds(1, int.MaxValue)]
        [Description("Read only the first N rows.")]
        public int? Limit { get; init; }

        [CommandOption("--sample <N>")]
        [Bounds(1, int.MaxValue)]
        [Description("Keep N cases picked at random with --seed (after --limit), in file order.")]
        public int? Sample { get; init; }

        [CommandOption("--seed <S>")]
        [Bounds(0, long.MaxValue)]
        [Description("Seed of --sample; the same seed always picks the same cases. Default: 0.")]
        public ulong? Seed { get; init; }

        [CommandOption("--id <ID>")]
        [Description("Suite id. Default: FORMAT-<file name>.")]
        public string? Id { get; init; }

        [CommandOption("--kind <KIND>")]
        [Description("Suite kind (accuracy, hallucination, bias, censorship, custom). Default: the format's.")]
        public string? Kind { get; init; }

        [CommandOption("--scorer <NAME>")]
        [Description("Scorer type. Default: the format's (jsonl and csv: exact).")]
        public string? Scorer { get; init; }

        [CommandOption("--map <KEY=FIELD>")]
        [Description("For jsonl and csv: which field holds prompt, expected, id, answer, tags, metadata or choices (comma-separated); repeat.")]
        public string[] Map { get; init; } = [];

        [CommandOption("--as <FORMAT>")]
        [Description("raw (default): cases are raw prompts, for completion endpoints and base models. chat: cases are chat messages (the instruction in the user turn, no system prompt) and the suite says format: chat; use it for chat-only endpoints and chat-tuned models.")]
        public string? As { get; init; }

        [CommandOption("--fewshot <K>")]
        [Bounds(1, 1000)]
        [Description("Put K solved examples before each case, drawn from the dataset's train/dev split (gsm8k: train.jsonl, mmlu: dev/, arc: *-Train.jsonl), as user/assistant turns (--as chat) or a prompt prefix (raw), in lm-evaluation-harness's layout.")]
        public int? FewShot { get; init; }

        [CommandOption("--fewshot-seed <S>")]
        [Bounds(0, long.MaxValue)]
        [Description("Seed that draws each case's examples (with its id). Default: 0.")]
        public ulong? FewShotSeed { get; init; }

        [CommandOption("--fewshot-from <PATH>")]
        [Description("Draw the examples from this file or folder (same format) instead of the dataset's own split.")]
        public string? FewShotFrom { get; init; }

        [CommandOption("--force")]
        [Description("Overwrite --out if it exists.")]
        public bool Force { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Out))
                return ValidationResult.Error("Pass --out FILE, the suite file to write (e.g. -o suites/gsm8k.yaml).");
            if (Seed is not null && Sample is null)
                return ValidationResult.Error("--seed picks the cases of --sample; pass --sample N too.");
            if (As is not null and not ("chat" or "raw"))
                return ValidationResult.Error($"--as must be chat or raw, not '{As}'.");
            if (FewShot is <= 0)
                return ValidationResult.Error("--fewshot must be a whole number greater than 0.");
            if ((FewShotSeed is not null || FewShotFrom is not null) && FewShot is null)
                return ValidationResult.Error("--fewshot-seed and --fewshot-from shape the examples of --fewshot; pass --fewshot K too.");
            if (Kind is not null && SuiteKindCatalog.Default.Find(Kind.ToLowerInvariant()) is null)
                return ValidationResult.Error($"--kind must be one of: {string.Join(", ", SuiteKindCatalog.Default.Names)}.");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var importer = DatasetFormats.Get(settings.Format);
        var options = new DatasetImportOptions
        {
            Limit = settings.Limit,
            Sample = settings.Sample,
            Seed = settings.Seed ?? 0,
            Mapping = settings.Map.Length > 0 ? ImportMapping.Parse(settings.Map) : null,
            Chat = settings.As == "chat",
            FewShot = settings.FewShot,
            FewShotSeed = settings.FewShotSeed ?? 0,
            FewShotFrom = settings.FewShotFrom,
        };
        if (Directory.Exists(settings.Out))
            throw new EvalKitException($"{settings.Out} is a folder.", "Pass the suite file to write inside it, e.g. -o suites/mine.yaml.");
        if (File.Exists(settings.Out) && !settings.Force)
            throw new EvalKitException($"{settings.Out} already exists.", "Pass --force to overwrite it, or choose another --out.");
        var result = DatasetFormats.Import(importer.Format, settings.Path, options);
        foreach (var problem in result.Problems.Take(ProblemsShown))
            console.MarkupLine($"[yellow]skipped:[/] {TerminalText.Escape(problem.ToString())}");
        if (result.Problems.Count > ProblemsShown)
            console.MarkupLine($"[yellow]skipped:[/] {result.Problems.Count - ProblemsShown} more row(s).");
        if (result.Cases.Count == 0)
            throw new EvalKitException($"No cases could be read from {settings.Path}.", "See the skipped rows above; check the format and mapping.");

        var suite = BuildSuite(settings, importer, result);
        var yaml = SuiteWriter.ToYaml(suite);
        try
        {
            SuiteLoader.Parse(yaml, settings.Out!, new SuiteLoadOptions());
        }
        catch (SuiteValidationException e)
        {
            throw new EvalKitException($"The imported suite would not be valid: {e.Diagnostics[0].Message}",
                "Choose a scorer that fits the cases (--scorer), or map the fields it needs (--map expected=FIELD).");
        }
        try
        {
            if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(settings.Out!)) is { } folder)
                Directory.CreateDirectory(folder);
            AtomicFile.WriteAllText(settings.Out!, yaml);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Errors.CannotWrite(settings.Out!, ex);
        }
        console.MarkupLine($"[green]wrote[/] {TerminalText.Escape(settings.Out!)}: suite '{TerminalText.Escape(suite.Id)}', {suite.Cases.Count} case(s)"
            + (result.Problems.Count > 0 ? $", {result.Problems.Count} row(s) skipped." : "."));
        return ExitCodes.Ok;
    }

    private static Suite BuildSuite(Settings settings, IDatasetImporter importer, DatasetImportResult result)
    {
        var source = System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(settings.Path));
        var picked = settings.Sample is { } n ? $", {n} sampled with seed {settings.Seed ?? 0}" : "";
        var limited = settings.Limit is { } l ? $", first {l} rows" : "";
        var shots = result.FewShot is { } f ? $", {f.K}-shot from {f.Source}" : "";
        return new Suite
        {
            Id = settings.Id ?? SuiteId($"{importer.Format}-{System.IO.Path.GetFileNameWithoutExtension(source)}"),
            Kind = settings.Kind is { } kind ? new SuiteKind(kind.ToLowerInvariant()) : importer.Kind,
            Description = $"Imported from {source} (format {importer.Format}{limited}{picked}{shots}) by evalkit import.",
            Format = settings.As == "chat" ? SuiteFormat.Chat : settings.As == "raw" ? SuiteFormat.Raw : null,
            FewShot = result.FewShot,
            Scorer = settings.Scorer is { } type ? new ScorerSpec(type, new Dictionary<string, string>()) : importer.Scorer,
            Cases = result.Cases,
        };
    }

    private static string SuiteId(string name) =>
        InvalidIdChars().Replace(name.ToLower(CultureInfo.InvariantCulture), "-").Trim('-') is { Length: > 0 } id ? id : "imported";

    [GeneratedRegex("[^a-z0-9._-]+")]
    private static partial Regex InvalidIdChars();
}
