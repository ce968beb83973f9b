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
/// then <see cref="BenchOptions.Repetitions"/> single-invocation iterations), for EvalKit's backend and a bare loop.
/// </summary>
public static class BenchRunner
{
    private static readonly Lock _lock = new();

    /// <exception cref="EvalKitException">A model is missing or cannot be loaded, or BenchmarkDotNet rejected the run.</exception>
    public static BenchReport Run(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Repetitions, 1, nameof(options));
        var models = options.Models.Select(Path.GetFullPath).ToList();
        var summaries = models.ToDictionary(m => m, Describe);
        var native = NativeLibrarySetup.Ensure(options.Device);
        var cases = Plan(options, models);

        lock (_lock)
        {
            ThroughputBenchmark.Plan = cases;
            ThroughputBenchmark.Extras.Clear();
            ThroughputBenchmark.Failures.Clear();
            var summary = BenchmarkRunner.Run<ThroughputBenchmark>(Config(options));
            if (summary.HasCriticalValidationErrors)
                throw new EvalKitException("BenchmarkDotNet refused the benchmark: " + string.Join("; ", summary.ValidationErrors.Select(e => e.Message)), null);
            var results = new List<BenchResult>();
            foreach (var report in summary.Reports)
            {
                var benchCase = (BenchCase)report.BenchmarkCase.Parameters["Case"];
                var measured = report.AllMeasurements.Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Actual).Select(m => m.Nanoseconds / m.Operations).ToList();
                if (measured.Count == 0)
                    throw new EvalKitException(
                        $"Benchmark {benchCase} produced no measurements: {ThroughputBenchmark.Failures.GetValueOrDefault(benchCase.Key, "a repetition failed")}",
                        "llama.cpp's last log lines: " + string.Join(" | ", NativeLibrarySetup.RecentLog(5)));
                var extras = ThroughputBenchmark.Extras[benchCase.Key].TakeLast(measured.Count).ToList();
                results.Add(ResultRows.Create(benchCase, summaries[benchCase.ModelPath], native, measured, extras));
            }
            return new BenchReport
            {
                CreatedUtc = DateTimeOffset.UtcNow,
                EvalkitVersion = EvalKitVersion.Current,
                Host = HostInfo.Current(),
                Gpu = GpuInfo.Detect(),
                NativeLibrary = native,
                Device = options.Device.ToString().ToLowerInvariant(),
                Repetitions = options.Repetitions,
                Results = ResultRows.WithRatios(results),
            };
        }
    }

    private static GgufModelSummary Describe(string path)
    {
        if (!File.Exists(path))
            throw new EvalKitException($"Model file not found: {path}", "Pass the path of a GGUF model file.");
        var summary = GgufModelSummary.Read(path);
        summary.EnsureGeneratable();
        return summary;
    }

    private static List<BenchCase> Plan(BenchOptions options, IEnumerable<string> models) =>
    [
        .. from model in models
           from test in new[] { (BenchTest.Pp, options.PromptTokens), (BenchTest.Tg, options.GenerateTokens) }
           where test.Item2 > 0
           from variant in new[] { BenchCase.EvalKitVariant, BenchCase.BareVariant }
           select new BenchCase(model, test.Item1, test.Item2, variant, options.Threads, options.ContextSize, options.Device),
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
