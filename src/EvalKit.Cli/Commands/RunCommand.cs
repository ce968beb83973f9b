using System.ComponentModel;
using EvalKit.Cli.Models;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary><c>evalkit run</c>: every case of every suite on every model, results under <c>--out</c>.</summary>
public sealed class RunCommand(IAnsiConsole console) : AsyncCommand<RunCommand.Settings>
{
    public sealed class Settings : LocalModelSettings
    {
        [CommandOption("-s|--suite <PATH>")]
        [Description("A suite file or a folder of suites; repeat for more. Required.")]
        public string[] Suites { get; init; } = [];

        [CommandOption("-m|--model <[NAME=]SOURCE>")]
        [Description("A model, optionally named: a GGUF file (student=models/s.gguf or llama:models/s.gguf), an OpenAI-compatible endpoint (teacher=openai:http://host:8000/v1#deepseek-r1), or a name from evalkit.yaml. Repeat to compare models. Default: every model in evalkit.yaml.")]
        public string[] Models { get; init; } = [];

        [CommandOption("--shard <K/N>")]
        [Description("Run only the K-th of N deterministic slices of the cases (by a hash of suite and case id); combine the N result folders with 'evalkit merge'.")]
        public string? Shard { get; init; }

        [CommandOption("--api-key-env <NAME>")]
        [Description("Environment variable holding the API key for openai: endpoints that evalkit.yaml gives no api_key_env. Keys are never passed on the command line.")]
        public string? ApiKeyEnv { get; init; }

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for results; each run gets its own results/<run-id>/ folder.")]
        [DefaultValue("results")]
        public string Out { get; init; } = "results";

        [CommandOption("--resume <RUN_DIR>")]
        [Description("Finish an interrupted run in RUN_DIR: cases already in its samples.jsonl are skipped. Suites and models default to the run's own; the run refuses to resume if they changed.")]
        public string? Resume { get; init; }

        public override ValidationResult Validate()
        {
            if (Resume is not null)
                return base.Validate();
            if (Suites.Length == 0)
                return ValidationResult.Error("Pass at least one --suite PATH (a YAML file or a folder, e.g. --suite suites/demo).");
            if (Shard is not null)
            {
                try
                {
                    Core.Running.Shard.Parse(Shard);
                }
                catch (EvalKitException ex)
                {
                    return ValidationResult.Error($"{ex.Message} {ex.Hint}");
                }
            }
            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var recorded = settings.Resume is null ? null : RunDirectory.Open(settings.Resume).ReadManifest();
        var suites = SuiteLoader.LoadAll(settings.Suites.Length > 0 || recorded is null ? settings.Suites : recorded.Suites.Select(s => s.Path));
        var config = ProjectConfig.Load(Directory.GetCurrentDirectory());
        var models = settings.Models.Length > 0 || recorded is null ? config.Resolve(settings.Models) : recorded.ModelSpecs;
        if (models.Count == 0)
            throw new EvalKitException("No models to run.",
                $"Pass --model [NAME=]SOURCE (e.g. --model student=models/student.gguf), or name models in {ProjectConfig.FileName}.");
        var shard = settings.Shard is { } text ? Shard.Parse(text) : recorded?.Shard;
        var runner = new EvaluationRunner(new BackendRegistry(settings.ToLocalOptions(), config, settings.ApiKeyEnv));
        var request = new RunRequest { Suites = suites, Models = models, ResultsRoot = settings.Out, ResumeDirectory = settings.Resume, Shard = shard };

        var slice = shard is null ? "" : $" (shard {shard}: {suites.Sum(s => s.Cases.Count(c => shard.Contains(s.Id, c.Id)))} of them)";
        console.MarkupLine($"Running {suites.Count} suite(s), {suites.Sum(s => s.Cases.Count)} case(s){slice} on {models.Count} model(s).");
        var result = await ProgressDisplay.RunAsync(console, progress => runner.RunAsync(request, progress, cancellationToken));

        SummaryTable.Write(console, result.Metrics);
        console.MarkupLine($"Results: [blue]{Markup.Escape(result.Directory.Path)}[/] (run.json, samples.jsonl, metrics.json)");
        return ExitCodes.Ok;
    }
}
