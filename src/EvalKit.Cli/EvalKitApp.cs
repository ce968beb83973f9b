using EvalKit.Cli.Commands;
using EvalKit.Cli.Internal;
using EvalKit.Cli.Output;
using EvalKit.Core;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli;

/// <summary>The <c>evalkit</c> command tree. Every command, its description and examples are registered here.</summary>
public static class EvalKitApp
{
    /// <summary>The width tables get when output goes to a file or a CI log (unless COLUMNS says otherwise).</summary>
    public const int RedirectedWidth = 160;

    /// <summary>The app for <paramref name="args"/>: a parse error is explained in terms of the command they name.</summary>
    public static CommandApp Create(IReadOnlyList<string> args, IAnsiConsole? console = null) => Create(args, console, out _);

    /// <summary>Also gives every command ("run", "cache stats", ...) with its settings type.</summary>
    internal static CommandApp Create(IReadOnlyList<string> args, IAnsiConsole? console, out IReadOnlyDictionary<string, Type> commands)
    {
        Composition.Register();
        var settingsByCommand = new Dictionary<string, Type>(StringComparer.Ordinal);
        commands = settingsByCommand;
        // Spectre assumes 80 columns without a terminal, which truncates the bench tables' headers in CI logs.
        if (console is null && Console.IsOutputRedirected)
            AnsiConsole.Profile.Width = int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), out var columns) && columns > 0 ? columns : RedirectedWidth;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("evalkit");
            config.SetApplicationVersion(EvalKitVersion.Current);
            if (console is not null)
                config.ConfigureConsole(console);
            config.CancellationExitCode(ExitCodes.Cancelled);
            config.SetExceptionHandler((ex, _) => ErrorPrinter.Print(console ?? AnsiConsole.Console,
                ex is CommandAppException parse ? CommandLineErrors.Explain(parse, args, settingsByCommand) : ex));
            config.ValidateExamples();
            config.UseStrictParsing();

            Add<RunCommand>(config, settingsByCommand, "run")
                .WithDescription("Run suites against one or more models and write results/<run-id>/.")
                .WithExample("run", "--suite", "suites/demo", "--model", "student=models/student.gguf")
                .WithExample("run", "--suite", "suites/demo/accuracy.yaml", "--model", "teacher=t.gguf", "--model", "student=s.gguf", "--out", "results")
                .WithExample("run", "--suite", "suites/code", "--model", "student=s.gguf", "--repeats", "10")
                .WithExample("run", "--suite", "suites/demo", "--model", "student=models/student.gguf", "--no-cache")
                .WithExample("run", "--resume", "results/20261128-101500-a1b2c3")
                .WithExample("run", "--suite", "suites/demo", "--model", "student=models/student.gguf", "--parallel", "8")
                .WithExample("run", "--suite", "suites/demo", "--model", "teacher=openai:http://gpu-box:8000/v1#deepseek-r1", "--model", "student=s.gguf", "--api-key-env", "OPENAI_API_KEY")
                .WithExample("run", "--suite", "suites/demo", "--model", "student=s.gguf", "--shard", "2/3");
            Add<BenchCommand>(config, settingsByCommand, "bench")
                .WithDescription("Measure llama-bench's prompt processing (pp) and generation (tg) tokens/sec, EvalKit vs a bare LLamaSharp loop, and evaluation cases/sec answered one at a time vs --parallel N; or (--endpoint) an OpenAI-compatible endpoint under concurrent load. Results go to results/bench-<timestamp>/bench.json.")
                .WithExample("bench", "models/student.gguf")
                .WithExample("bench", ".cache/synth/qwen2-0.5b-q4_0.gguf", "-p", "512", "-n", "128", "-r", "5", "-t", "2")
                .WithExample("bench", "models/student.gguf", "--device", "cuda", "-o", "results")
                .WithExample("bench", "models/student.gguf", "--device", "cuda", "--native-lib", "llama.cpp/build/bin")
                .WithExample("bench", "models/student.gguf", "-p", "0", "-n", "0", "--eval-parallel", "8", "--eval-cases", "64")
                .WithExample("bench", "--compare", "results/bench-20261128-170000", "results/bench-20261128-180000")
                .WithExample("bench", "--endpoint", "http://127.0.0.1:8080/v1", "--model", "qwen2-0.5b-q4_0", "-c", "1,2,4,8", "--requests", "32")
                .WithExample("bench", "--endpoint", "loopback");
            Add<ServeCommand>(config, settingsByCommand, "serve")
                .WithDescription("Serve a local GGUF model as an OpenAI-compatible endpoint (/v1/completions, /v1/chat/completions, /v1/models).")
                .WithExample("serve", "models/student.gguf", "--port", "8080")
                .WithExample("serve", "models/student.gguf", "--host", "0.0.0.0", "--port", "8000", "--device", "cuda");
            Add<MergeCommand>(config, settingsByCommand, "merge")
                .WithDescription("Combine the result folders of the shards of one run (run --shard K/N) into one run.")
                .WithExample("merge", "shards/run1", "shards/run2", "shards/run3", "-o", "results/merged");
            Add<ListCommand>(config, settingsByCommand, "list")
                .WithDescription("List suites with their kind and case count.")
                .WithExample("list", "suites");
            Add<InfoCommand>(config, settingsByCommand, "info")
                .WithDescription("Describe GGUF model files (architecture, parameters, quantisation, context, tokenizer) without loading them.")
                .WithExample("info", "models/student.gguf");
            config.AddBranch("fixtures", fixtures =>
            {
                fixtures.SetDescription("Write GGUF models EvalKit builds itself: programmed fixtures for demos and tests.");
                Add<FixturesBuildCommand>(fixtures, settingsByCommand, "fixtures build")
                    .WithDescription("Compile a fixture spec into a GGUF whose greedy answers are programmed (cached by spec digest).")
                    .WithExample("fixtures", "build", "fixtures/teacher.fixture.yaml", "-o", ".cache/fixtures/teacher.gguf");
                Add<FixturesSynthCommand>(fixtures, settingsByCommand, "fixtures synth")
                    .WithDescription("Write a model of a real model's shape with seeded random weights, for throughput work.")
                    .WithExample("fixtures", "synth", "--shape", "qwen2-0.5b", "--type", "q4_0", "-o", ".cache/synth/qwen2-0.5b-q4_0.gguf")
                    .WithExample("fixtures", "synth", "--layers", "2", "--dim", "256", "--heads", "4", "--ffn", "512", "--vocab", "1024", "-o", "tiny.gguf");
            });
            config.AddBranch("cache", cache =>
            {
                cache.SetDescription("Inspect or trim the response cache that lets reruns skip answers already generated.");
                Add<CacheStatsCommand>(cache, settingsByCommand, "cache stats")
                    .WithDescription("Show the cache's size, age and how many answers each model identity has.")
                    .WithExample("cache", "stats")
                    .WithExample("cache", "stats", "--cache-dir", "/data/evalkit-cache");
                Add<CachePruneCommand>(cache, settingsByCommand, "cache prune")
                    .WithDescription("Delete cached answers older than an age, of one model, or all of them.")
                    .WithExample("cache", "prune", "--older-than", "30d")
                    .WithExample("cache", "prune", "--model", "270cba1bd510")
                    .WithExample("cache", "prune", "--all");
            });
            Add<ValidateCommand>(config, settingsByCommand, "validate")
                .WithDescription("Check suite files without loading any model; prints every problem with file:line:column.")
                .WithExample("validate", "suites/demo");
            Add<FidelityCommand>(config, settingsByCommand, "fidelity")
                .WithDescription("Distillation fidelity: per-token KL(teacher‖student) and top-1 agreement when both models share a tokenizer; writes fidelity.json.")
                .WithExample("fidelity", "--teacher", "models/teacher.gguf", "--student", "models/student.gguf", "--suite", "suites/demo")
                .WithExample("fidelity", "--teacher", "t.gguf", "--student", "s.gguf", "--text", "corpus.txt", "--max-tokens", "64");
            Add<ImportCommand>(config, settingsByCommand, "import")
                .WithDescription("Convert a dataset (GSM8K, MMLU, BBQ, XSTest, plain JSONL/CSV, ...) into a suite file.")
                .WithExample("import", "gsm8k", "../shared/datasets/gsm8k/test.jsonl", "-o", "suites/gsm8k.yaml", "--sample", "50", "--seed", "1")
                .WithExample("import", "csv", "questions.csv", "-o", "suites/mine.yaml", "--map", "prompt=question", "--map", "expected=answer", "--map", "tags=topic");
            Add<ReportCommand>(config, settingsByCommand, "report")
                .WithDescription("Write a self-contained HTML report (with charts and every answer), summary.md and junit.xml from run folders; exit 1 when a gate fails.")
                .WithExample("report", "results/20261128-101500-a1b2c3", "-o", "reports/demo")
                .WithExample("report", "results/20261128-101500-a1b2c3", "--fail-if", "accuracy < 0.70", "--max-regression", "accuracy=2pp")
                .WithExample("report", "results/run-a", "results/run-b", "-o", "reports/both", "--gates", "gates.yaml");
            Add<CompareCommand>(config, settingsByCommand, "compare")
                .WithDescription("Compare a candidate run with a baseline run case by case (paired intervals, McNemar); exit 1 when a gate fails.")
                .WithExample("compare", "results/baseline-run", "results/candidate-run", "--max-regression", "accuracy=2pp")
                .WithExample("compare", "results/baseline-run", "results/candidate-run", "--gates", "gates.yaml", "-o", "reports/compare");
        });
        return app;
    }

    private static ICommandConfigurator Add<TCommand>(IConfigurator config, Dictionary<string, Type> settingsByCommand, string name)
        where TCommand : class, ICommand
    {
        settingsByCommand[name] = SettingsType(typeof(TCommand));
        return config.AddCommand<TCommand>(name);
    }

    private static ICommandConfigurator Add<TCommand>(IConfigurator<CommandSettings> branch, Dictionary<string, Type> settingsByCommand, string path)
        where TCommand : class, ICommandLimiter<CommandSettings>
    {
        settingsByCommand[path] = SettingsType(typeof(TCommand));
        return branch.AddCommand<TCommand>(path[(path.IndexOf(' ') + 1)..]);
    }

    /// <summary>TSettings of a Command&lt;TSettings&gt; or AsyncCommand&lt;TSettings&gt;.</summary>
    public static Type SettingsType(Type command)
    {
        for (var type = command; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericArguments() is [var settings] && settings.IsAssignableTo(typeof(CommandSettings)))
                return settings;
        }
        throw new ArgumentException($"{command} is not a command with settings.", nameof(command));
    }
}
