using System.Globalization;
using EvalKit.Llama.Gguf;
using EvalKit.Llama.Memory.Internal;

namespace EvalKit.Llama.Memory;

/// <summary>
/// The memory llama.cpp will need to run a GGUF model, from its header alone: the weights by tensor type, the KV
/// cache (f16 K and V for every cell of every context EvalKit creates) and the compute and output buffers. It is the
/// most llama.cpp can hold resident (every weight read, a micro-batch decoded with every logit asked for), so a
/// model that passes the check is not killed part-way through a run. Split into what stays in host memory and what
/// goes to the GPU with <c>gpu_layers</c> offloaded.
/// </summary>
public sealed record ModelMemoryEstimate
{
    public required long WeightBytes { get; init; }
    public required long KvCacheBytes { get; init; }
    /// <summary>llama.cpp's compute buffers and logits output buffers, for every context.</summary>
    public required long ComputeBytes { get; init; }

    /// <summary>KV cells in all: the model's context, plus <c>--parallel</c> sequences of it when batching.</summary>
    public required long KvCells { get; init; }

    /// <summary>The context each sequence gets (the request, capped at the trained context, rounded up to 256 cells).</summary>
    public required int ContextSize { get; init; }

    public required int Sequences { get; init; }
    public required int Layers { get; init; }
    public required int GpuLayers { get; init; }

    /// <summary>The part that lives on the GPU (offloaded layers' weights, KV cache and compute buffer).</summary>
    public required long GpuBytes { get; init; }

    public long TotalBytes => WeightBytes + KvCacheBytes + ComputeBytes;

    public long HostBytes => TotalBytes - GpuBytes;

    /// <summary>
    /// Estimates a load of <paramref name="file"/> with a context of <paramref name="contextSize"/> tokens,
    /// <paramref name="parallel"/> sequences decoded together (<c>run --parallel</c>) and
    /// <paramref name="gpuLayers"/> layers offloaded (0 on CPU).
    /// </summary>
    public static ModelMemoryEstimate For(GgufFile file, int contextSize, int parallel = 1, int gpuLayers = 0) =>
        MemoryEstimator.Estimate(file, contextSize, parallel, gpuLayers);

    public static string Format(long bytes) =>
        bytes >= 1L << 30
            ? (bytes / (double)(1L << 30)).ToString("F2", CultureInfo.InvariantCulture) + " GiB"
            : (bytes / (double)(1L << 20)).ToString("F1", CultureInfo.InvariantCulture) + " MiB";
}
