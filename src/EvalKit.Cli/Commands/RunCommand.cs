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

        [CommandOption("-m|--model <[NAME=]PATH>")]
        [Description("A GGUF model file, optionally named (student=path/to/model.gguf); repeat to compare models. Required.")]
        public string[] Models { get; init; } = [];

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder for results; each run gets its own results/<run-id>/ folder.")]
        [DefaultValue("results")]
        public string Out { get; init; } = "results";

        [CommandOption("--resume <RUN_DIR>")]
        [Description("Finish an interrupted run in RUN_DIR: cases already in its samples.jsonl are skipped. Suites and models default to the run's own; the run refuses to resume if they changed.")]
        public string? Resume { get; init; }

        [CommandOption("--parallel <N>")]
        [Description("Cases decoded together as parallel sequences in one llama.cpp context: higher throughput; greedy outputs match one-at-a-time runs in practice, sampled ones can differ in rare tokens (llama.cpp kernels are not batch-invariant); time to first token counts from the batch start.")]
        [DefaultValue(1)]
        public int Parallel { get; init; } = 1;

        public override ValidationResult Validate()
        {
            if (Parallel < 1)
                return ValidationResult.Error("--parallel must be at least 1.");
            if (Resume is not null)
                return base.Validate();
            if (Suites.Length == 0)
                return ValidationResult.Error("Pass at least one --suite PATH (a YAML file or a folder, e.g. --suite suites/demo).");
            if (Models.Length == 0)
                return ValidationResult.Error("Pass at least one --model [NAME=]PATH (a GGUF file, e.g. --model student=models/student.gguf).");
            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var recorded = settings.Resume is null ? null : RunDirectory.Open(settings.Resume).ReadManifest();
        var suites = SuiteLoader.LoadAll(settings.Suites.Length > 0 || recorded is null ? settings.Suites : recorded.Suites.Select(s => s.Path));
        var models = settings.Models.Length > 0 || recorded is null ? settings.Models.Select(ModelSpec.Parse).ToList() : recorded.ModelSpecs;
        var runner = new EvaluationRunner(new BackendRegistry(settings.ToLocalOptions()));
        var request = new RunRequest { Suites = suites, Models = models, ResultsRoot = settings.Out, ResumeDirectory = settings.Resume, Parallel = settings.Parallel };

        console.MarkupLine($"Running {suites.Count} suite(s), {suites.Sum(s => s.Cases.Count)} case(s) on {models.Count} model(s).");
        var result = await ProgressDisplay.RunAsync(console, progress => runner.RunAsync(request, progress, cancellationToken));

        SummaryTable.Write(console, result.Metrics);
        console.MarkupLine($"Results: [blue]{Markup.Escape(result.Directory.Path)}[/] (run.json, samples.jsonl, metrics.json)");
        return ExitCodes.Ok;
    }
}
