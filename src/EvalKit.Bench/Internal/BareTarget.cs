using System.Diagnostics;
using System.Numerics.Tensors;
using EvalKit.Llama;
using LLama;
using LLama.Common;
using LLama.Native;

namespace EvalKit.Bench.Internal;

/// <summary>
/// The baseline: a plain LLamaSharp decode loop with no EvalKit code in it (greedy: the largest logit of the row,
/// read as EvalKit reads it, so the comparison measures the harness and not two ways of sampling; no
/// end-of-generation check, as llama-bench). Only the native library selection is shared, so both variants use the
/// same llama.cpp.
/// </summary>
internal sealed class BareTarget(LLamaWeights weights, LLamaContext context, LLamaToken[] prompt) : IDecodeTarget
{
    private readonly LLamaBatch _batch = new();

    public static BareTarget Load(BenchCase benchCase)
    {
        var native = NativeLibrarySetup.Ensure(benchCase.Device, benchCase.NativeLibraryDirectory);
        var parameters = new ModelParams(benchCase.ModelPath)
        {
            ContextSize = (uint)benchCase.ContextSize,
            BatchSize = (uint)Math.Max(512, benchCase.Tokens),
            GpuLayerCount = native.UsesGpu ? LlamaBackend.AllLayers : 0,
            Threads = benchCase.Threads,
            BatchThreads = benchCase.Threads,
        };
        var weights = LLamaWeights.LoadFromFile(parameters);
        var context = weights.CreateContext(parameters);
        var promptTokens = benchCase.Test == BenchTest.Pp ? benchCase.Tokens : 1;
        return new BareTarget(weights, context, PromptFitter.Fit(weights, promptTokens).Tokens);
    }

    public TimeSpan PromptProcessing(int tokens)
    {
        var clock = Stopwatch.StartNew();
        DecodePrompt();
        Greedy(_batch.TokenCount - 1);
        return clock.Elapsed;
    }

    public (TimeSpan FirstToken, int Generated) Generation(int tokens)
    {
        var clock = Stopwatch.StartNew();
        DecodePrompt();
        var firstToken = TimeSpan.Zero;
        var position = prompt.Length;
        var logitsIndex = _batch.TokenCount - 1;
        for (var generated = 1; ; generated++)
        {
            var token = Greedy(logitsIndex);
            if (generated == 1)
                firstToken = clock.Elapsed;
            if (generated == tokens)
                return (firstToken, generated);
            _batch.Clear();
            logitsIndex = _batch.Add(token, position++, LLamaSeqId.Zero, true);
            Decode();
        }
    }

    public void Dispose()
    {
        context.Dispose();
        weights.Dispose();
    }

    private LLamaToken Greedy(int logitsIndex) => TensorPrimitives.IndexOfMax(context.NativeHandle.GetLogitsIth(logitsIndex));

    private void DecodePrompt()
    {
        context.NativeHandle.MemoryClear(false);
        _batch.Clear();
        _batch.AddRange(prompt, 0, LLamaSeqId.Zero, true);
        Decode();
    }

    private void Decode()
    {
        var result = context.NativeHandle.Decode(_batch);
        if (result != DecodeResult.Ok)
            throw new InvalidOperationException($"llama_decode failed: {result}.");
    }
}
