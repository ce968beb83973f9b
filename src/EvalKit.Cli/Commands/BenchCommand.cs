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

        [CommandOption("-t|--threads <LIST>")]
        [Description("CPU threads for llama.cpp; several comma-separated (e.g. 1,2,4) run every pp/tg test at each, as llama-bench's -t (the evaluation-throughput test uses the first). Default: half the logical processors.")]
        public string? Threads { get; init; }

        [CommandOption("-b|--batch-size <LIST>")]
        [Description("llama-bench's -b: the most prompt tokens per decode call (n_batch); comma-separated values are each measured.")]
        [DefaultValue("2048")]
        public string BatchSize { get; init; } = "2048";

        [CommandOption("--ub|--ubatch-size <LIST>")]
        [Description("llama-bench's -ub: the physical batch llama.cpp computes at once (n_ubatch, at most n_batch); comma-separated values are each measured.")]
        [DefaultValue("512")]
        public string UBatchSize { get; init; } = "512";

        [CommandOption("--ngl|--n-gpu-layers <LIST>")]
        [Description("llama-bench's -ngl: layers offloaded to the GPU; comma-separated values are each measured. Default: all on a GPU build, none on CPU.")]
        public string? GpuLayers { get; init; }

        [CommandOption("-d|--n-depth <LIST>")]
        [Description("llama-bench's -d: fill the KV cache with this many tokens (untimed) before each repetition, then measure; comma-separated values are each measured. Depths above 0 measure the bare loop only (EvalKit's backend clears its context per request).")]
        [DefaultValue("0")]
        public string Depth { get; init; } = "0";

        [CommandOption("--pg <PP,TG>")]
        [Description("llama-bench's -pg: a test of PP prompt tokens then TG generated ones, timed together (rate = (PP+TG) / time); repeat the option for several.")]
        public string[] PromptGen { get; init; } = [];

        [CommandOption("-o|--output <FORMAT>")]
        [Description("Also print the pp/tg rows as llama-bench prints them: md, csv or json, with its field names (build_commit, model_type, n_batch, avg_ts, samples_ns, ...); csv and json go alone to stdout (everything else to stderr) and are written beside bench.json as llama-bench.csv / .json / .md.")]
        public string? Output { get; init; }

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

        [CommandOption("--out <DIR>")]
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
            if (PromptTokens + GenerateTokens + parallel.Sum() + PromptGen.Length == 0)
                return ValidationResult.Error("One of -p, -n, --eval-parallel and --pg must be positive.");
            if (Threads is not null && NumberList.Parse(Threads, minimum: 1, maximum: 1024) is null)
                return ValidationResult.Error($"-t must be whole numbers from 1 to 1024 separated by commas (e.g. 1,2,4), not '{Threads}'.");
            if (NumberList.Parse(BatchSize, minimum: 1, maximum: 1 << 20) is null || NumberList.Parse(UBatchSize, minimum: 1, maximum: 1 << 20) is null)
                return ValidationResult.Error($"-b and --ub must be whole numbers of at least 1 separated by commas (e.g. 512,2048), not '{BatchSize}' / '{UBatchSize}'.");
            if (GpuLayers is not null && NumberList.Parse(GpuLayers, minimum: 0, maximum: 999) is null)
                return ValidationResult.Error($"--ngl must be whole numbers from 0 to 999 separated by commas (e.g. 0,16,99), not '{GpuLayers}'.");
            if (NumberList.Parse(Depth, minimum: 0, maximum: 1 << 20) is null)
                return ValidationResult.Error($"-d must be whole numbers of at least 0 separated by commas (e.g. 0,512), not '{Depth}'.");
            if (ParsePromptGen() is null)
                return ValidationResult.Error($"--pg must be two positive whole numbers PP,TG (e.g. 512,128), not '{string.Join("' / '", PromptGen)}'.");
            if (Output is not null && !LlamaBenchOutput.Formats.Contains(Output))
                return ValidationResult.Error($"-o must be md, csv or json (llama-bench's output formats), not '{Output}'; the results folder is --out DIR.");
            return LocalModelOptions.TryParseDevice(Device, out _)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--device must be cpu, cuda or auto, not '{Device}'.");
        }

        /// <summary>The N values of --eval-parallel; empty for 0 (skip); null when malformed.</summary>
        internal List<int>? ParseEvalParallel() =>
            EvalParallel.Trim() == "0" ? [] : NumberList.Parse(EvalParallel, minimum: 1, maximum: 1024);

        /// <summary>The (PP, TG) pairs of --pg; null when one is malformed.</summary>
        internal List<(int Prompt, int Gen)>? ParsePromptGen()
        {
            var pairs = new List<(int, int)>();
            foreach (var value in PromptGen)
            {
                if (NumberList.Parse(value, minimum: 1) is not [var prompt, var gen])
                    return null;
                pairs.Add((prompt, gen));
            }
            return pairs;
        }
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
        var threads = settings.Threads is null ? [] : NumberList.Parse(settings.Threads, minimum: 1)!;
        var options = new BenchOptions
        {
            Models = settings.Paths,
            PromptTokens = settings.PromptTokens,
            GenerateTokens = settings.GenerateTokens,
            Repetitions = settings.Repetitions,
            Threads = threads.Count > 0 ? threads[0] : LlamaModelOptions.DefaultThreads,
            ThreadCounts = threads,
            BatchSizes = NumberList.Parse(settings.BatchSize, minimum: 1)!,
            UBatchSizes = NumberList.Parse(settings.UBatchSize, minimum: 1)!,
            GpuLayers = settings.GpuLayers is null ? [] : NumberList.Parse(settings.GpuLayers, minimum: 0)!,
            Depths = NumberList.Parse(settings.Depth, minimum: 0)!,
            PromptGen = settings.ParsePromptGen()!,
            Device = device,
            NativeLibraryDirectory = settings.NativeLibraryDirectory,
            EvalParallel = settings.ParseEvalParallel()!,
            EvalCases = settings.EvalCases,
            EvalMaxTokens = settings.EvalMaxTokens,
        };
        // csv and json are for tools: they alone go to stdout, as llama-bench's do.
        var log = settings.Output is "csv" or "json" ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : console;
        log.MarkupLine(TerminalText.Escape(Announcement(options)));
        var report = BenchRunner.Run(options);
        var folder = BenchReportFile.Write(report, settings.Out);
        if (report.Results.Count > 0 && settings.Output is null)
            console.Write(BenchTable.Create(report));
        if (settings.Output is { } format)
        {
            var rows = LlamaBenchOutput.Render(report, format);
            File.WriteAllText(Path.Combine(folder, "llama-bench." + format), rows);
            if (format == "md")
                console.WriteLine(rows);
            else
                await Console.Out.WriteAsync(rows);
        }
        if (report.Evaluation.Count > 0)
        {
            log.Write(BenchTable.Evaluation(report));
            foreach (var line in BenchTable.FastestParallel(report))
                log.MarkupLine(TerminalText.Escape(line));
        }
        log.MarkupLine(TerminalText.Escape($"{report.Host.Cpu}, {report.Host.LogicalCores} cores; {report.NativeLibrary}; GPU: {report.Gpu?.Name ?? "none"}"));
        log.MarkupLine($"wrote [blue]{TerminalText.Escape(Path.Combine(folder, BenchReportFile.FileName))}[/]");
        return ExitCodes.Ok;
    }

    private static string Announcement(BenchOptions options)
    {
        var tests = new[] { options.PromptTokens > 0 ? $"pp{options.PromptTokens}" : null, options.GenerateTokens > 0 ? $"tg{options.GenerateTokens}" : null }
            .OfType<string>().Concat(options.PromptGen.Select(p => $"pp{p.Prompt}+tg{p.Gen}")).ToList();
        var parts = new List<string>();
        if (tests.Count > 0)
            parts.Add($"{string.Join(' ', tests)} for evalkit and the bare loop");
        if (options.EvalParallel.Count > 0)
            parts.Add($"{options.EvalCases} cases sequential vs --parallel {string.Join(',', options.EvalParallel)}");
        var threads = options.ThreadCounts.Count > 0 ? string.Join(",", options.ThreadCounts) : $"{options.Threads}";
        return $"measuring {options.Models.Count} model(s), {options.Repetitions} repetitions, {threads} thread(s): {string.Join("; then ", parts)} ...";
    }
}
