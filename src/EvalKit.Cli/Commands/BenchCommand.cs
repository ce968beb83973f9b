using System.ComponentModel;
using EvalKit.Bench;
using EvalKit.Cli.Models;
using EvalKit.Cli.Output;
using EvalKit.Core;
using EvalKit.Llama;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EvalKit.Cli.Commands;

/// <summary>
/// <c>evalkit bench MODEL...</c>: llama-bench's pp and tg throughput for EvalKit's backend and a bare LLamaSharp loop,
/// measured with BenchmarkDotNet and appended to results/bench-&lt;timestamp&gt;/bench.json; <c>--compare DIR...</c>
/// sets earlier results side by side; <c>--endpoint URL</c> sweeps an OpenAI-compatible endpoint under concurrent load.
/// </summary>
public sealed class BenchCommand(IAnsiConsole console) : AsyncCommand<BenchCommand.Settings>
{
    public sealed class Settings : BenchEndpointSettings
    {
        [CommandArgument(0, "[MODEL_OR_DIR]")]
        [Description("GGUF model files to measure; with --compare, bench result folders (or bench.json files); none with --endpoint.")]
        public string[] Paths { get; init; } = [];

        [CommandOption("-p|--prompt <N>")]
        [Bounds(0, 1048576)]
        [Description("Prompt tokens decoded in one batch for the ppN test (0 skips it).")]
        [DefaultValue(512)]
        public int PromptTokens { get; init; } = 512;

        [CommandOption("-n|--gen <N>")]
        [Bounds(0, 1048576)]
        [Description("Tokens generated one at a time for the tgN test (0 skips it).")]
        [DefaultValue(128)]
        public int GenerateTokens { get; init; } = 128;

        [CommandOption("-r|--repetitions <N>")]
        [Bounds(1, 10000)]
        [Description("Measured repetitions per test, after one warm-up.")]
        [DefaultValue(5)]
        public int Repetitions { get; init; } = 5;

        [CommandOption("-t|--threads <N>")]
        [Bounds(1, 1024)]
        [Description("CPU threads for llama.cpp. Default: half the logical processors.")]
        public int? Threads { get; init; }

        [CommandOption("--device <DEVICE>")]
        [Description("cpu, cuda or auto.")]
        [DefaultValue("cpu")]
        public string Device { get; init; } = "cpu";

        [CommandOption("--native-lib <DIR>")]
        [Description("Folder with your own llama.cpp build (libllama.so and its ggml libraries), e.g. a CUDA build; see docs/cuda.md.")]
        public string? NativeLibraryDirectory { get; init; }

        [CommandOption("--eval-parallel <LIST>")]
        [Description("Evaluation throughput: answer --eval-cases short-answer cases one at a time and N at a time (as run --parallel N), in cases/sec; several N comma-separated (e.g. 2,4,8,16) show how the speed-up grows. 0 skips it.")]
        [DefaultValue("8")]
        public string EvalParallel { get; init; } = "8";

        [CommandOption("--eval-cases <N>")]
        [Bounds(1, 1000000)]
        [Description("Cases answered per repetition of the evaluation-throughput test.")]
        [DefaultValue(32)]
        public int EvalCases { get; init; } = 32;

        [CommandOption("--eval-max-tokens <N>")]
        [Bounds(1, 1048576)]
        [Description("The most tokens each evaluation-throughput case may generate (short answers).")]
        [DefaultValue(16)]
        public int EvalMaxTokens { get; init; } = 16;

        [CommandOption("-o|--out <DIR>")]
        [Description("Folder that receives bench-<timestamp>/bench.json.")]
        [DefaultValue("results")]
        public string Out { get; init; } = "results";

        [CommandOption("--compare")]
        [Description("Print the bench.json of each folder given side by side instead of measuring.")]
        public bool Compare { get; init; }

        public override ValidationResult Validate()
        {
            if (Endpoint is not null)
                return Paths.Length > 0 || Compare ? ValidationResult.Error("--endpoint takes no model files and no --compare.") : ValidateEndpoint();
            if (Paths.Length == 0)
                return ValidationResult.Error("Pass at least one model file (or, with --compare, bench result folders).");
            if (ParseEvalParallel() is not { } parallel)
                return ValidationResult.Error($"--eval-parallel must be 0 or positive whole numbers separated by commas (e.g. 8 or 2,4,8,16), not '{EvalParallel}'.");
            if (PromptTokens + GenerateTokens + parallel.Sum() == 0)
                return ValidationResult.Error("One of -p, -n and --eval-parallel must be positive.");
            return LocalModelOptions.TryParseDevice(Device, out _)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--device must be cpu, cuda or auto, not '{Device}'.");
        }

        /// <summary>The N values of --eval-parallel; empty for 0 (skip); null when malformed.</summary>
        internal List<int>? ParseEvalParallel() =>
            EvalParallel.Trim() == "0" ? [] : NumberList.Parse(EvalParallel, minimum: 1);
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Compare)
        {
            var reports = settings.Paths.Select(BenchReportFile.Read).ToList();
            if (reports.Any(r => r.Results.Count > 0))
                console.Write(BenchTable.Compare(settings.Paths, reports));
            if (reports.Any(r => r.Endpoint is not null))
                console.Write(LoadSweepTable.Compare(settings.Paths, reports));
            return ExitCodes.Ok;
        }
        if (settings.Endpoint is not null)
            return await new EndpointBenchRun(console, settings).ExecuteAsync(cancellationToken);
        foreach (var path in settings.Paths.Where(p => !File.Exists(p)))
            throw Errors.PathNotFound("Model file", path, "Pass the path of a .gguf file.");
        LocalModelOptions.TryParseDevice(settings.Device, out var device);
        var options = new BenchOptions
        {
            Models = settings.Paths,
            PromptTokens = settings.PromptTokens,
            GenerateTokens = settings.GenerateTokens,
            Repetitions = settings.Repetitions,
            Threads = settings.Threads ?? LlamaModelOptions.DefaultThreads,
            Device = device,
            NativeLibraryDirectory = settings.NativeLibraryDirectory,
            EvalParallel = settings.ParseEvalParallel()!,
            EvalCases = settings.EvalCases,
            EvalMaxTokens = settings.EvalMaxTokens,
        };
        console.MarkupLine(TerminalText.Escape(Announcement(options)));
        var report = BenchRunner.Run(options);
        var folder = BenchReportFile.Write(report, settings.Out);
        if (report.Results.Count > 0)
            console.Write(BenchTable.Create(report));
        if (report.Evaluation.Count > 0)
        {
            console.Write(BenchTable.Evaluation(report));
            foreach (var line in BenchTable.FastestParallel(report))
                console.MarkupLine(TerminalText.Escape(line));
        }
        console.MarkupLine(TerminalText.Escape($"{report.Host.Cpu}, {report.Host.LogicalCores} cores; {report.NativeLibrary}; GPU: {report.Gpu?.Name ?? "none"}"));
        console.MarkupLine($"wrote [blue]{TerminalText.Escape(Path.Combine(folder, BenchReportFile.FileName))}[/]");
        return ExitCodes.Ok;
    }

    private static string Announcement(BenchOptions options)
    {
        var tests = new[] { options.PromptTokens > 0 ? $"pp{options.PromptTokens}" : null, options.GenerateTokens > 0 ? $"tg{options.GenerateTokens}" : null }
            .OfType<string>().ToList();
        var parts = new List<string>();
        if (tests.Count > 0)
            parts.Add($"{string.Join(' ', tests)} for evalkit and the bare loop");
        if (options.EvalParallel.Count > 0)
            parts.Add($"{options.EvalCases} cases sequential vs --parallel {string.Join(',', options.EvalParallel)}");
        return $"measuring {options.Models.Count} model(s), {options.Repetitions} repetitions, {options.Threads} thread(s): {string.Join("; then ", parts)} ...";
    }
}
