using EvalKit.Core;
using EvalKit.Llama.Gguf;
using EvalKit.Llama.Memory.Internal;

namespace EvalKit.Llama.Memory;

/// <summary>
/// Compares a <see cref="ModelMemoryEstimate"/> with the memory available now, so a model that cannot fit is refused
/// with advice (exit code 2) before llama.cpp allocates it and the kernel kills the process.
/// </summary>
public static class MemoryCheck
{
    /// <summary>
    /// Estimates a load of <paramref name="file"/> (see <see cref="ModelMemoryEstimate.For"/>) and throws an
    /// <see cref="EvalKitException"/> (bad input) when it does not fit; otherwise returns the estimate and a note for the manifest.
    /// </summary>
    public static (ModelMemoryEstimate Estimate, string Note) Ensure(GgufFile file, int contextSize, int parallel, int gpuLayers, bool usesGpu)
    {
        var estimate = ModelMemoryEstimate.For(file, contextSize, parallel, usesGpu ? gpuLayers : 0);
        var request = new Request(file, contextSize, parallel, usesGpu ? gpuLayers : 0, usesGpu);
        var notes = new List<string>();
        if (AvailableMemory.Host() is not { } host)
            notes.Add("host memory could not be read");
        else if (estimate.HostBytes > host.Bytes)
            throw TooBig(request, estimate, "memory", e => e.HostBytes, host.Bytes, host.Source);
        else
            notes.Add($"host {ModelMemoryEstimate.Format(estimate.HostBytes)} of {ModelMemoryEstimate.Format(host.Bytes)} available");

        if (usesGpu && estimate.GpuBytes > 0)
        {
            if (AvailableMemory.FreeGpu() is not { } free)
                notes.Add("GPU memory could not be checked (nvidia-smi unavailable)");
            else if (estimate.GpuBytes > free)
                throw TooBig(request, estimate, "GPU memory", e => e.GpuBytes, free, "nvidia-smi memory.free");
            else
                notes.Add($"GPU {ModelMemoryEstimate.Format(estimate.GpuBytes)} of {ModelMemoryEstimate.Format(free)} free");
        }
        return (estimate, string.Join("; ", notes));
    }

    /// <summary>Host memory available now (MemAvailable, lowered to the cgroup limit's room); null where it cannot be read.</summary>
    public static long? AvailableHostBytes() => AvailableMemory.Host()?.Bytes;

    private sealed record Request(GgufFile File, int ContextSize, int Parallel, int GpuLayers, bool UsesGpu);

    private static EvalKitException TooBig(
        Request r, ModelMemoryEstimate e, string what, Func<ModelMemoryEstimate, long> part, long available, string source)
    {
        var advice = new List<string>();
        if (LargestContextThatFits(r, e, part, available) is { } context)
            advice.Add($"a smaller --ctx ({context} would fit)");
        if (e.Sequences > 1)
            advice.Add("fewer --parallel sequences");
        advice.Add(r.UsesGpu ? "fewer --gpu-layers (layers left on the CPU use host memory)" : "--device cuda with --gpu-layers N to move layers to a GPU");
        return new EvalKitException(
            $"{Path.GetFileName(r.File.Path)} needs about {ModelMemoryEstimate.Format(part(e))} of {what} " +
            $"(weights {ModelMemoryEstimate.Format(e.WeightBytes)}, KV cache {ModelMemoryEstimate.Format(e.KvCacheBytes)} for {e.KvCells:N0} cells " +
            $"= {e.Sequences} sequence(s) of {e.ContextSize} tokens, compute {ModelMemoryEstimate.Format(e.ComputeBytes)}), " +
            $"but only {ModelMemoryEstimate.Format(available)} is available ({source}); loading it would get the process killed.",
            $"Try {string.Join(", or ", advice)}. 'evalkit info MODEL --ctx N --parallel P' shows the estimate; --skip-memory-check loads anyway.",
            ErrorKind.BadInput);
    }

    private static int? LargestContextThatFits(Request r, ModelMemoryEstimate e, Func<ModelMemoryEstimate, long> part, long available)
    {
        int? best = null;
        for (var context = 256; context < e.ContextSize; context *= 2)
        {
            if (part(ModelMemoryEstimate.For(r.File, context, r.Parallel, r.GpuLayers)) > available)
                break;
            best = context;
        }
        return best;
    }
}
