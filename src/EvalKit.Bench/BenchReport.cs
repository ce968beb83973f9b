using System.Text.Json.Serialization;
using EvalKit.Bench.Load;
using EvalKit.Core.Results;
using EvalKit.Llama;

namespace EvalKit.Bench;

/// <summary>The contents of <c>bench.json</c> (schema in docs/benchmarks.md).</summary>
public sealed record BenchReport
{
    /// <summary>
    /// 2 added <see cref="Endpoint"/>; 3 added llama-bench's settings to the rows (n_batch, n_ubatch, n_gpu_layers,
    /// n_depth, model_type, model_size) and reconnects, open-loop levels and goodput to the endpoint sweep. Older
    /// files read unchanged.
    /// </summary>
    public const int CurrentSchemaVersion = 3;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required DateTimeOffset CreatedUtc { get; init; }
    public required string EvalkitVersion { get; init; }
    /// <summary>The machine that ran the benchmark (for an endpoint sweep: the load generator's).</summary>
    public required HostInfo Host { get; init; }
    /// <summary>Null when no NVIDIA GPU (nvidia-smi) was found.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public GpuInfo? Gpu { get; init; }
    /// <summary>The llama.cpp build of a model benchmark; null for an endpoint sweep.</summary>
    public LlamaNativeLibrary? NativeLibrary { get; init; }
    /// <summary><c>cpu</c>, <c>cuda</c> or <c>auto</c> for a model benchmark; null for an endpoint sweep.</summary>
    public string? Device { get; init; }
    public int Repetitions { get; init; }
    /// <summary>Model benchmark rows (pp/tg); empty for an endpoint sweep.</summary>
    public IReadOnlyList<BenchResult> Results { get; init; } = [];

    /// <summary>Evaluation throughput, sequential and parallel; empty when the test was skipped, for an endpoint sweep, and in older files.</summary>
    public IReadOnlyList<EvalThroughputResult> Evaluation { get; init; } = [];

    /// <summary>The endpoint load sweep; null for a model benchmark.</summary>
    public EndpointBench? Endpoint { get; init; }
}
