using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using EvalKit.Bench.Internal;
using EvalKit.Core;
using EvalKit.Core.Results;
using EvalKit.Llama;
using EvalKit.Llama.Gguf;

namespace EvalKit.Bench;

/// <summary>
/// Measures llama-bench's pp and tg throughput with BenchmarkDotNet (in-process, monitoring strategy: one warm-up,
/// then <see cref="BenchOptions.Repetitions"/> single-invocation iterations), for EvalKit's backend and a bare loop,
/// then evaluation throughput (cases/sec) sequentially and in parallel sequences.
/// </summary>
public static class BenchRunner
{
    private static readonly Lock _lock = new();

    /// <exception cref="EvalKitException">A model is missing or cannot be loaded, or BenchmarkDotNet rejected the run.</exception>
    public static BenchReport Run(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repetitions, 1, nameof(options));
        if (options.EvalParallel.Any(n => n < 1))
            throw new ArgumentOutOfRangeException(nameof(options), "Every EvalParallel value must be at least 1.");
        var models = options.Models.Select(Path.GetFullPath).ToList();
        var summaries = models.ToDictionary(m => m, Describe);
        var native = NativeLibrarySetup.Ensure(options.Device, options.NativeLibraryDirectory);

        lock (_lock)
        {
            return new BenchReport
            {
                CreatedUtc = DateTimeOffset.UtcNow,
                EvalkitVersion = EvalKitVersion.Current,
                Host = HostInfo.Current(),
                Gpu = GpuInfo.Detect(),
                NativeLibrary = native,
                Device = options.Device.ToString().ToLowerInvariant(),
                Repetitions = options.Repetitions,
                Results = MeasureDecoding(options, models, summaries, native),
                Evaluation = MeasureEvaluation(options, models, native),
            };
        }
    }

    private static List<BenchResult> MeasureDecoding(
        BenchOptions options, List<string> models, Dictionary<string, GgufModelSummary> summaries, LlamaNativeLibrary native)
    {
        var cases = DecodingPlan(options, models);
        if (cases.Count == 0)
            return [];
        ThroughputBenchmark.Plan = cases;
        ThroughputBenchmark.Extras.Clear();
        ThroughputBenchmark.Failures.Clear();
        ThroughputBenchmark.Models.Clear();
        var measured = Measure<ThroughputBenchmark, BenchCase>(options, c => c.Key, ThroughputBenchmark.Failures.Entries);
        var results = measured.Select(m =>
        {
            var extras = ThroughputBenchmark.Extras[m.Case.Key].TakeLast(m.Nanoseconds.Count).ToList();
            var loaded = ThroughputBenchmark.Models.TryGetValue(m.Case.ModelPath, out var model) ? model : ((string, long, long)?)null;
            return ResultRows.Create(m.Case, summaries[m.Case.ModelPath], loaded, native, m.Nanoseconds, extras);
        });
        return ResultRows.WithRatios(results);
    }

    private static List<EvalThroughputResult> MeasureEvaluation(BenchOptions options, List<string> models, LlamaNativeLibrary native)
    {
        if (options.EvalParallel.Count == 0 || options.EvalCases == 0)
            return [];
        EvaluationBenchmark.Plan =
        [
            .. from model in models
               from parallel in options.EvalParallel.Prepend(1).Distinct().Order()
               select new EvalThroughputCase(model, options.EvalCases, parallel, options.EvalMaxTokens, options.Threads, options.Device, options.NativeLibraryDirectory),
        ];
        EvaluationBenchmark.Outputs.Clear();
        EvaluationBenchmark.Failures.Clear();
        var measured = Measure<EvaluationBenchmark, EvalThroughputCase>(options, c => c.Key, EvaluationBenchmark.Failures.Entries);
        var rows = measured.Select(m =>
        {
            var (tokens, texts) = EvaluationBenchmark.Outputs[m.Case.Key];
            return (Row: EvalThroughputRows.Create(m.Case, native, m.Nanoseconds, [.. tokens.TakeLast(m.Nanoseconds.Count)]), Texts: texts);
        }).ToList();
        return EvalThroughputRows.WithSpeedups(rows);
    }

    /// <summary>Runs one BenchmarkDotNet benchmark over its plan and returns each case's measured repetitions.</summary>
    private static List<(TCase Case, List<double> Nanoseconds)> Measure<TBenchmark, TCase>(
        BenchOptions options, Func<TCase, string> key, IReadOnlyDictionary<string, string> failures)
    {
        var summary = BenchmarkRunner.Run<TBenchmark>(Config(options));
        if (summary.HasCriticalValidationErrors)
            throw new EvalKitException("BenchmarkDotNet refused the benchmark: " + string.Join("; ", summary.ValidationErrors.Select(e => e.Message)), null);
        var results = new List<(TCase, List<double>)>();
        foreach (var report in summary.Reports)
        {
            var benchCase = (TCase)report.BenchmarkCase.Parameters["Case"];
            var measured = report.AllMeasurements
                .Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Actual)
                .Select(m => m.Nanoseconds / m.Operations).ToList();
            if (measured.Count == 0)
                throw new EvalKitException(
                    $"Benchmark {benchCase} produced no measurements: {failures.GetValueOrDefault(key(benchCase), "a repetition failed")}",
                    "llama.cpp's last log lines: " + string.Join(" | ", NativeLibrarySetup.RecentLog(5)));
            results.Add((benchCase, measured));
        }
        return results;
    }

    private static GgufModelSummary Describe(string path)
    {
        if (!File.Exists(path))
            throw new EvalKitException($"Model file not found: {path}", "Pass the path of a GGUF model file.");
        var summary = GgufModelSummary.Read(path);
        summary.EnsureGeneratable();
        return summary;
    }

    // In llama-bench's order: model, then settings, then tests. EvalKit's backend clears its context for every
    // request, so it has no filled cache to measure at a depth: there only the bare loop runs.
    private static List<BenchCase> DecodingPlan(BenchOptions options, IEnumerable<string> models) =>
    [
        .. from model in models
           from threads in options.ThreadCounts.DefaultIfEmpty(options.Threads)
           from batch in options.BatchSizes
           from ubatch in options.UBatchSizes
           from ngl in options.GpuLayers.Select(n => (int?)n).DefaultIfEmpty(null)
           from depth in options.Depths
           from test in new[] { (BenchTest.Pp, options.PromptTokens, 0), (BenchTest.Tg, options.GenerateTokens, 0) }
               .Concat(options.PromptGen.Select(p => (BenchTest.Pg, p.Prompt, p.Gen)))
           where test.Item2 > 0
           from variant in new[] { BenchCase.EvalKitVariant, BenchCase.BareVariant }
           where depth == 0 || variant == BenchCase.BareVariant
           select new BenchCase(model, test.Item1, test.Item2, variant, threads, options.ContextSize, options.Device, options.NativeLibraryDirectory)
           {
               GenTokens = test.Item3,
               BatchSize = batch,
               UBatchSize = ubatch,
               GpuLayers = ngl,
               Depth = depth,
           },
    ];

    private static ManualConfig Config(BenchOptions options)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(options.Repetitions)
            .WithInvocationCount(1)
            .WithUnrollFactor(1);
        return ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(NullLogger.Instance)
            .WithArtifactsPath(options.ArtifactsPath ?? Path.Combine(Path.GetTempPath(), "evalkit-bench-artifacts"))
            .WithOptions(ConfigOptions.DisableOptimizationsValidator | ConfigOptions.DisableLogFile);
    }
}
