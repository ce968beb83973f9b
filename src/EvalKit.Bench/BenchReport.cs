using System.Text.Json.Serialization;
using EvalKit.Core.Results;
using EvalKit.Llama;

namespace EvalKit.Bench;

/// <summary>The contents of <c>bench.json</c> (schema in docs/benchmarks.md).</summary>
public sealed record BenchReport
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required DateTimeOffset CreatedUtc { get; init; }
    public required string EvalkitVersion { get; init; }
    public required HostInfo Host { get; init; }
    /// <summary>Null when no NVIDIA GPU (nvidia-smi) was found.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public GpuInfo? Gpu { get; init; }
    public required LlamaNativeLibrary NativeLibrary { get; init; }
    public required string Device { get; init; }
    public int Repetitions { get; init; }
    public required IReadOnlyList<BenchResult> Results { get; init; }

    /// <summary>Evaluation throughput, sequential and parallel; empty when the test was skipped (and in older files).</summary>
    public IReadOnlyList<EvalThroughputResult> Evaluation { get; init; } = [];
}
