using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;

namespace EvalKit.Reports;

/// <summary>One run folder as reports read it: manifest, samples and metrics. Reading never re-runs a model.</summary>
public sealed record RunData(RunDirectory Directory, RunManifest Manifest, IReadOnlyList<SampleRecord> Samples, MetricsReport Metrics)
{
    public string RunId => Directory.RunId;

    /// <summary>Lines of samples.jsonl that were set aside (duplicates, unknown cases), each naming file and line.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The models of the run in the order they were given (the first is the comparisons' baseline).</summary>
    public IReadOnlyList<string> ModelNames =>
        Manifest.ModelSpecs.Select(m => m.Name).Concat(Samples.Select(s => s.Model)).Distinct().ToList();

    /// <summary>
    /// Reads <c>run.json</c>, <c>samples.jsonl</c> and <c>metrics.json</c>; metrics are recomputed from the samples when
    /// the run never wrote them, and the timing summary when its metrics predate it. A run without a single sample
    /// is bad input: there is nothing to report.
    /// </summary>
    public static RunData Load(string path)
    {
        var directory = RunDirectory.Open(path);
        var manifest = directory.ReadManifest();
        var (samples, warnings) = SamplesReader.ReadFile(directory.Path);
        if (samples.Count == 0)
            throw new EvalKitException(File.Exists(directory.SamplesPath)
                    ? $"{directory.SamplesPath} holds no valid sample line."
                    : $"{directory.SamplesPath} is missing.",
                "A run folder's samples.jsonl is written by 'evalkit run'; finish an interrupted run with 'evalkit run --resume " + path + "'.");
        var metricsFile = System.IO.Path.Combine(directory.Path, MetricsReport.FileName);
        var models = manifest.ModelSpecs.Select(m => m.Name).ToList();
        var metrics = File.Exists(metricsFile)
            ? ReadMetrics(metricsFile)
            : MetricsCalculator.Compute(directory.RunId, manifest.Suites, samples, models);
        if (metrics.Timing.Count == 0 && samples.Count > 0)
            metrics = metrics with { Timing = SampleTimings.Summarise(samples, models) };
        return new RunData(directory, manifest, samples, metrics) { Warnings = warnings };
    }

    private static MetricsReport ReadMetrics(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<MetricsReport>(File.ReadAllText(file), JsonDefaults.Indented)
                ?? throw new JsonException("empty file");
        }
        catch (JsonException ex)
        {
            throw new EvalKitException($"{file} is not a valid metrics file: {ex.Message}",
                "Delete it to have the report recompute metrics from samples.jsonl.");
        }
    }
}
