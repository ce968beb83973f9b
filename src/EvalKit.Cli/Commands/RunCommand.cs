using System.ComponentModel;
using EvalKit.Caching;
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

        [CommandOption("--model-option <NAME.KEY=VALUE>")]
        [Description("A setting for one model, over its evalkit.yaml entry and the suites' defaults: temperature, top_p, max_tokens, system_prompt (false drops the suites' system prompts), reasoning, stop (repeat for more), api (chat, completions, any). Repeat for more, e.g. --model-option teacher.temperature=0.6 --model-option teacher.system_prompt=false.")]
        public string[] ModelOptions { get; init; } = [];

        [CommandOption("--judge <[NAME=]SOURCE>")]
        [Description("A judge-only model: grades the suites whose judge: names it and answers no case (a GGUF file, an openai: endpoint or a name from evalkit.yaml). Repeat for more. Default: evalkit.yaml's judge_only models that a suite names.")]
        public string[] Judges { get; init; } = [];

        [CommandOption("--chat-template <auto|none|FILE>")]
        [Description("Local GGUF models: auto wraps each raw prompt as one user turn in the model's own chat template (GGUF tokenizer.chat_template, as llama.cpp applies it); FILE uses that template (one llama.cpp knows) for chat and raw cases; none (default) sends raw prompts as written. run.json records the choice per model.")]
        public string? ChatTemplate { get; init; }

        [CommandOption("--max-cost <AMOUNT>")]
        [Bounds(0, 1_000_000_000)]
        [Description("Stop the run (resumably: --resume with a higher limit) once the estimated spend of its generated answers passes AMOUNT, priced by evalkit.yaml's price: {prompt_per_mtok, completion_per_mtok}.")]
        public double? MaxCost { get; init; }

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
        [Bounds(1, 10000)]
        [Description("Run each case N times with seeds seed, seed+1, ... (use temperature > 0 in the suite); metrics add pass@k and per-case variance. Default: 1, or the resumed run's own.")]
        public int? Repeats { get; init; }

        [CommandOption("--resume <RUN_DIR>")]
        [Description("Finish an interrupted run in RUN_DIR: cases already in its samples.jsonl are skipped. Suites and models default to the run's own; the run refuses to resume if they changed.")]
        public string? Resume { get; init; }

        [CommandOption("--unsafe-code")]
        [Description("Let the code scorer run model-written code without isolation where no sandbox works here (no util-linux unshare, or namespaces refused). Printed, and recorded in run.json. Without it such a run stops before it starts.")]
        public bool UnsafeCode { get; init; }

        [CommandOption("--retry-errors")]
        [Description("With --resume: run again the cases whose sample failed (label error, e.g. an endpoint that was down), replacing those samples. Without it, resume keeps failed samples as they are.")]
        public bool RetryErrors { get; init; }

        [CommandOption("--parallel <N>")]
        [Bounds(1, 1024)]
        [Description("Requests kept in flight, the next case starting as any ends. A local model gets N slots (at most 64; each as large as --ctx, in a second context N times that size) and decodes the open requests together in one continuous loop: higher throughput; greedy outputs match one-at-a-time runs in practice, sampled ones can differ in rare tokens (llama.cpp kernels are not batch-invariant); time to first token counts from when the case got its slot. Endpoints batch what is in flight themselves (see docs/remote.md, docs/architecture.md).")]
        [DefaultValue(1)]
        public int Parallel { get; init; } = 1;

        [CommandOption("--no-cache")]
        [Description("Generate every answer, neither reading nor writing the response cache ($EVALKIT_CACHE_DIR or .cache/responses.sqlite).")]
        public bool NoCache { get; init; }

        [CommandOption("--rehash")]
        [Description("Hash local model files again instead of trusting the SHA-256 remembered in model-hashes.json beside the response cache (kept by path, size, modification time and inode).")]
        public bool Rehash { get; init; }

        [CommandOption("--in-process")]
        [Description("Run models in this process instead of a supervised worker (a native crash then ends the run; samples written so far are kept).")]
        public bool InProcess { get; init; }

        [CommandOption("--worker", IsHidden = true)]
        public bool Worker { get; init; }

        public override ValidationResult Validate()
        {
            if (ChatTemplate is not null and not ("auto" or "none") && !File.Exists(ChatTemplate))
                return ValidationResult.Error($"--chat-template must be auto, none or a template file; '{ChatTemplate}' does not exist.");
            if (RetryErrors && Resume is null)
                return ValidationResult.Error("--retry-errors re-runs the failed cases of an existing run; pass --resume RUN_DIR too.");
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
                    return ValidationResult.Error($"{CliWording.Message(ex)} {CliWording.Hint(ex)}");
                }
            }
            return base.Validate();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var recorded = settings.Resume is null ? null : RunDirectory.Open(settings.Resume).ReadManifest();
        if (settings.Resume is not null && !settings.Worker)
            WarningLines.Write(console, SamplesReader.ReadFile(settings.Resume).Warnings);
        var suites = SuiteLoader.LoadAll(settings.Suites.Length > 0 || recorded is null ? settings.Suites : recorded.Suites.Select(s => s.Path));
        var config = ProjectConfig.Load(Directory.GetCurrentDirectory());
        var models = Models.ModelOptions.Apply(
            settings.Models.Length > 0 || recorded is null ? config.Resolve(settings.Models) : recorded.ModelSpecs, settings.ModelOptions);
        var judges = settings.Judges.Length > 0 || recorded is null
            ? config.ResolveJudges(settings.Judges, suites.Select(s => s.Judge?.Model).OfType<string>().Where(name => !models.Any(m => m.Name == name)))
            : recorded.JudgeSpecs ?? [];
        if (models.Count == 0)
            throw new EvalKitException("No models to run.",
                $"Pass --model [NAME=]SOURCE (e.g. --model student=models/student.gguf), or name models in {ProjectConfig.FileName}.");
        var shard = settings.Shard is { } text ? Shard.Parse(text) : recorded?.Shard;
        var unsafeCode = settings.UnsafeCode || recorded?.UnsafeCode == true;
        if (unsafeCode)
            Environment.SetEnvironmentVariable(CodeScoring.CodeScorer.UnsafeVariable, "1"); // the worker inherits it
        if (!settings.Worker && suites.Any(s => s.Scorer.Type == CodeScoring.CodeScorer.TypeName)
            && CodeScoring.CodeScorer.CheckIsolation() is var isolation && isolation == "none")
            console.MarkupLine("[yellow]--unsafe-code: model-written code runs WITHOUT a sandbox (no namespaces work here); recorded in run.json.[/]");
        using var cache = settings.NoCache ? null : ResponseCache.Open(ResponseCache.DefaultPath());
        ModelIdentity.Rehash = settings.Rehash;
        var registry = new BackendRegistry(settings.ToLocalOptions() with { ChatTemplate = settings.ChatTemplate }, config, settings.ApiKeyEnv, settings.Parallel);
        var runner = new EvaluationRunner(registry);
        var repeats = settings.Repeats ?? recorded?.Repeats ?? 1;
        var request = new RunRequest
        {
            Suites = suites, Models = models, Judges = judges, ResultsRoot = settings.Out, ResumeDirectory = settings.Resume, Repeats = repeats, Decorate = CachingBackend.For(cache), Shard = shard,
            Parallel = settings.Parallel, MaxCost = settings.MaxCost, UnsafeCode = unsafeCode, Observer = new InflightObserver(),
        };

        if (settings.RetryErrors && !settings.Worker && ErrorSamples.Remove(settings.Resume!) is > 0 and var removed)
        {
            // A case once given up on gets its tries again.
            CrashLedger.Reset(RunDirectory.Open(settings.Resume!));
            console.MarkupLine($"Retrying {removed} failed sample(s).");
        }

        if (settings.Worker)
        {
            WorkerProtocol.ExitWhenSupervisorDies();
            FaultInjectingBackend.ExitEarlyIfAsked();
            registry.LoadProgress = new WorkerProtocol.Writer();
            await runner.RunAsync(request, new WorkerProtocol.Writer(), cancellationToken);
            return ExitCodes.Ok;
        }

        var times = repeats == 1 ? "" : $" × {repeats} repeats";
        console.MarkupLine($"Running {suites.Count} suite(s), {suites.Sum(s => s.Cases.Count)} case(s){times} on {models.Count} model(s).");
        RunDirectory directory;
        if (settings.InProcess)
        {
            var result = await ProgressDisplay.RunAsync(console, progress =>
            {
                registry.LoadProgress = progress;
                return runner.RunAsync(request, progress, cancellationToken);
            });
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

        var metrics = directory.ReadMetrics();
        SummaryTable.Write(console, metrics);
        foreach (var usage in metrics.Usage.Where(u => u.Samples > 0))
            console.MarkupLine(TerminalText.Escape(FormattableString.Invariant(
                $"{usage.Model}: {usage.PromptTokens:N0} prompt + {usage.CompletionTokens:N0} completion tokens ({usage.ReasoningTokens:N0} reasoning)")
                + (usage.TokenCountsEstimated ? " (estimated)" : "") + (usage.Cost is { } cost ? FormattableString.Invariant($", cost {cost:0.####}") : "")));
        var samples = SamplesReader.Read(directory.Path);
        if (cache is not null && samples.Count(s => s.Cached) is > 0 and var cached)
            console.MarkupLine($"{cached} answer(s) came from the response cache [grey]({TerminalText.Escape(cache.Path)}; --no-cache to regenerate)[/].");
        console.MarkupLine($"Results: [blue]{TerminalText.Escape(directory.Path)}[/] (run.json, samples.jsonl, metrics.json)");
        // A model none of whose requests succeeded measured nothing: a runtime failure, not a score of 0.
        var allFailed = samples.GroupBy(s => s.Model).Where(g => g.All(s => s.Error is not null)).Select(g => g.Key).ToList();
        if (allFailed.Count == 0)
            return ExitCodes.Ok;
        console.MarkupLine($"[red]error:[/] every request of {TerminalText.Escape(string.Join(", ", allFailed))} failed "
            + $"(first error: {TerminalText.Escape(samples.First(s => allFailed.Contains(s.Model)).Error!)}).");
        console.MarkupLine($"[grey]hint:[/] fix the cause, then run the failed cases again: evalkit run --resume {TerminalText.Escape(directory.Path)} --retry-errors");
        return ExitCodes.RuntimeFailure;
    }

    private static List<string> WorkerArguments(CommandContext context, RunDirectory directory)
    {
        // The supervisor alone removes failed samples, once: a restarted worker must keep those its crashes recorded.
        var arguments = context.Arguments.SkipWhile(a => a != "run").Where(a => a != "--retry-errors").ToList();
        if (!arguments.Contains("--resume"))
            arguments.AddRange(["--resume", directory.Path]);
        arguments.Add(WorkerProtocol.WorkerOption);
        return arguments;
    }
}
