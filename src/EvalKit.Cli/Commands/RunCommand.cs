using System.ComponentModel;
using EvalKit.Cli.Models;
using EvalKit.Cli.Output;
using EvalKit.Cli.Supervision;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Core.Caching;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Suites;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary>
/// <c>evalkit run</c>: every case of every suite on every model, results under <c>--out</c>. By default the models
/// run in a supervised worker process, so a native llama.cpp crash becomes a failed sample instead of a lost run.
/// </summary>
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

        [CommandOption("--repeats <N>")]
        [Description("Run each case N times with seeds seed, seed+1, ... (use temperature > 0 in the suite); metrics add pass@k and per-case variance. Default: 1, or the resumed run's own.")]
        public int? Repeats { get; init; }

        [CommandOption("--resume <RUN_DIR>")]
        [Description("Finish an interrupted run in RUN_DIR: cases already in its samples.jsonl are skipped. Suites and models default to the run's own; the run refuses to resume if they changed.")]
        public string? Resume { get; init; }

        [CommandOption("--parallel <N>")]
        [Description("Requests kept in flight, the next case starting as any ends. A local model gets N slots (each as large as --ctx, in a second context N times that size) and decodes the open requests together in one continuous loop: higher throughput; greedy outputs match one-at-a-time runs in practice, sampled ones can differ in rare tokens (llama.cpp kernels are not batch-invariant); time to first token counts from when the case got its slot. Endpoints batch what is in flight themselves (see docs/remote.md, docs/architecture.md).")]
        [DefaultValue(1)]
        public int Parallel { get; init; } = 1;

        [CommandOption("--no-cache")]
        [Description("Generate every answer, neither reading nor writing the response cache ($EVALKIT_CACHE_DIR or .cache/responses.sqlite).")]
        public bool NoCache { get; init; }

        [CommandOption("--in-process")]
        [Description("Run models in this process instead of a supervised worker (a native crash then ends the run; samples written so far are kept).")]
        public bool InProcess { get; init; }

        [CommandOption("--worker", IsHidden = true)]
        public bool Worker { get; init; }

        public override ValidationResult Validate()
        {
            if (Parallel < 1)
                return ValidationResult.Error("--parallel must be at least 1.");
            if (Repeats is < 1)
                return ValidationResult.Error("--repeats must be at least 1.");
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
        using var cache = settings.NoCache ? null : ResponseCache.Open(ResponseCache.DefaultPath());
        var runner = new EvaluationRunner(new BackendRegistry(settings.ToLocalOptions(), config, settings.ApiKeyEnv, settings.Parallel));
        var repeats = settings.Repeats ?? recorded?.Repeats ?? 1;
        var request = new RunRequest
        {
            Suites = suites, Models = models, ResultsRoot = settings.Out, ResumeDirectory = settings.Resume, Repeats = repeats, Cache = cache, Shard = shard,
            Parallel = settings.Parallel,
        };

        if (settings.Worker)
        {
            WorkerProtocol.ExitWhenSupervisorDies();
            await runner.RunAsync(request, new WorkerProtocol.Writer(), cancellationToken);
            return ExitCodes.Ok;
        }

        var times = repeats == 1 ? "" : $" × {repeats} repeats";
        console.MarkupLine($"Running {suites.Count} suite(s), {suites.Sum(s => s.Cases.Count)} case(s){times} on {models.Count} model(s).");
        RunDirectory directory;
        if (settings.InProcess)
        {
            var result = await ProgressDisplay.RunAsync(console, progress => runner.RunAsync(request, progress, cancellationToken));
            directory = result.Directory;
        }
        else
        {
            directory = settings.Resume is null ? runner.Prepare(request) : RunDirectory.Open(settings.Resume);
            var supervisor = new RunSupervisor(console, request with { ResumeDirectory = directory.Path }, directory);
            var exitCode = await ProgressDisplay.RunAsync(console, progress =>
                supervisor.RunAsync(WorkerArguments(context, directory), progress, cancellationToken));
            if (exitCode != ExitCodes.Ok)
                return exitCode;
        }

        SummaryTable.Write(console, directory.ReadMetrics());
        if (cache is not null && SamplesReader.Read(directory.Path).Count(s => s.Cached) is > 0 and var cached)
            console.MarkupLine($"{cached} answer(s) came from the response cache [grey]({Markup.Escape(cache.Path)}; --no-cache to regenerate)[/].");
        console.MarkupLine($"Results: [blue]{Markup.Escape(directory.Path)}[/] (run.json, samples.jsonl, metrics.json)");
        return ExitCodes.Ok;
    }

    private static List<string> WorkerArguments(CommandContext context, RunDirectory directory)
    {
        var arguments = context.Arguments.SkipWhile(a => a != "run").ToList();
        if (!arguments.Contains("--resume"))
            arguments.AddRange(["--resume", directory.Path]);
        arguments.Add("--worker");
        return arguments;
    }
}
