using LLama;
using LLama.Common;

namespace EvalKit.Llama.Internal;

/// <summary>The steps of loading a model: option checks, weights and contexts, with errors quoting llama.cpp.</summary>
internal static class LlamaLoader
{
    public static void Validate(LlamaModelOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Path))
            throw LlamaErrors.InvalidOption(nameof(options.Path), "''", "a GGUF model file is required");
        if (options.Threads < 1)
            throw LlamaErrors.InvalidOption(nameof(options.Threads), options.Threads, "use at least 1");
        if (options.ContextSize < 1)
            throw LlamaErrors.InvalidOption(nameof(options.ContextSize), options.ContextSize, "use at least 1 token");
        if (options.Parallel is < 1 or > LlamaModelOptions.MaxParallel)
            throw LlamaErrors.InvalidOption(nameof(options.Parallel), options.Parallel, $"use 1 to {LlamaModelOptions.MaxParallel} sequences");
        if (options.GpuLayers < -1)
            throw LlamaErrors.InvalidOption(nameof(options.GpuLayers), options.GpuLayers, "use -1 (all), 0 (none) or a layer count");
    }

    public static async Task<LLamaWeights> LoadWeightsAsync(ModelParams parameters, IProgress<float>? progress, CancellationToken cancellationToken)
    {
        var mark = LlamaLog.Mark();
        try
        {
            return await LLamaWeights.LoadFromFileAsync(parameters, cancellationToken, progress);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw LlamaErrors.LoadFailed(parameters.ModelPath, LlamaLog.Since(mark, 12), e);
        }
    }

    public static LLamaContext CreateContext(LLamaWeights weights, ModelParams parameters)
    {
        var mark = LlamaLog.Mark();
        try
        {
            return weights.CreateContext(parameters);
        }
        catch (Exception e)
        {
            throw LlamaErrors.ContextFailed(parameters.ModelPath, (int)parameters.ContextSize!, LlamaLog.Since(mark, 12), e);
        }
    }

    /// <summary>
    /// The context of <paramref name="sequences"/> parallel sequences, sized like that many lone contexts: each
    /// sequence has its own KV stream (<c>kv_unified = false</c>) of <paramref name="sequenceContextSize"/> cells.
    /// </summary>
    public static LLamaContext CreateBatchContext(LLamaWeights weights, ModelParams parameters, int sequences, int sequenceContextSize) =>
        CreateContext(weights, new ModelParams(parameters.ModelPath)
        {
            ContextSize = (uint)(sequences * sequenceContextSize),
            SeqMax = (uint)sequences,
            KVUnified = false,
            BatchSize = parameters.BatchSize,
            UBatchSize = parameters.UBatchSize,
            GpuLayerCount = parameters.GpuLayerCount,
            Threads = parameters.Threads,
            BatchThreads = parameters.BatchThreads,
        });
}
