using System.Diagnostics;
using System.Numerics.Tensors;
using EvalKit.Llama;
using EvalKit.Llama.Internal;
using LLama;
using LLama.Common;
using LLama.Native;

namespace EvalKit.Bench.Internal;

/// <summary>
/// The baseline: a plain decode loop with none of EvalKit's request handling in it, making the same native calls as
/// EvalKit's backend (llama.cpp's own batch, <c>kv_unified</c> off: LLamaSharp's <c>LLamaBatch</c> and unified cache
/// would measure LLamaSharp's overhead, not the harness's). Greedy: the largest logit of the row, read as EvalKit
/// reads it, so the comparison measures the harness and not two ways of sampling; no end-of-generation check, as
/// llama-bench. Prompts are decoded in calls of at most <c>n_batch</c> tokens, after the case's depth, as
/// llama-bench's <c>test_prompt</c>.
/// </summary>
internal sealed class BareTarget(BenchCase benchCase, LLamaWeights weights, LLamaContext context, LLamaToken[] depth, LLamaToken[] prompt) : IDecodeTarget
{
    private readonly NativeBatch _batch = new(benchCase.BatchSize);

    public static BareTarget Load(BenchCase benchCase)
    {
        var native = NativeLibrarySetup.Ensure(benchCase.Device, benchCase.NativeLibraryDirectory);
        var parameters = new ModelParams(benchCase.ModelPath)
        {
            ContextSize = (uint)benchCase.ContextSize,
            BatchSize = (uint)benchCase.BatchSize,
            UBatchSize = (uint)Math.Min(benchCase.UBatchSize, benchCase.BatchSize),
            GpuLayerCount = benchCase.GpuLayers ?? (native.UsesGpu ? LlamaBackend.AllLayers : 0),
            Threads = benchCase.Threads,
            BatchThreads = benchCase.Threads,
            KVUnified = false,
        };
        var weights = LLamaWeights.LoadFromFile(parameters);
        var context = weights.CreateContext(parameters);
        var depth = benchCase.Depth > 0 ? PromptFitter.Fit(weights, benchCase.Depth).Tokens : [];
        var prompt = PromptFitter.Fit(weights, benchCase.Test == BenchTest.Tg ? 1 : benchCase.Tokens).Tokens;
        return new BareTarget(benchCase, weights, context, depth, prompt);
    }

    public (string Type, long Size, long Params) Model => (weights.NativeHandle.Description, (long)weights.NativeHandle.SizeInBytes, (long)weights.NativeHandle.ParameterCount);

    public void Prepare()
    {
        context.NativeHandle.MemoryClear(false);
        if (depth.Length > 0)
            DecodeChunked(depth, 0);
    }

    public (TimeSpan FirstToken, int Tokens) Run()
    {
        var clock = Stopwatch.StartNew();
        var logitsIndex = DecodeChunked(prompt, depth.Length);
        var position = depth.Length + prompt.Length;
        var toGenerate = benchCase.Test == BenchTest.Pp ? 1 : benchCase.GeneratedTokens;
        var firstToken = TimeSpan.Zero;
        for (var generated = 1; ; generated++)
        {
            var token = Greedy(logitsIndex);
            if (generated == 1)
                firstToken = clock.Elapsed;
            if (generated == toGenerate)
                return (firstToken, benchCase.Test switch { BenchTest.Pp => prompt.Length, BenchTest.Tg => generated, _ => prompt.Length + generated });
            _batch.Clear();
            logitsIndex = _batch.Add(token, position++, LLamaSeqId.Zero, true);
            Decode();
        }
    }

    public void Dispose()
    {
        _batch.Dispose();
        context.Dispose();
        weights.Dispose();
    }

    private LLamaToken Greedy(int logitsIndex) => TensorPrimitives.IndexOfMax(context.NativeHandle.GetLogitsIth(logitsIndex));

    /// <summary>Decodes <paramref name="tokens"/> from <paramref name="start"/> in calls of n_batch; returns the batch index of the last token's logits.</summary>
    private int DecodeChunked(LLamaToken[] tokens, int start)
    {
        var last = 0;
        for (var offset = 0; offset < tokens.Length; offset += benchCase.BatchSize)
        {
            var count = Math.Min(benchCase.BatchSize, tokens.Length - offset);
            _batch.Clear();
            for (var i = 0; i < count; i++)
                last = _batch.Add(tokens[offset + i], start + offset + i, LLamaSeqId.Zero, offset + i == tokens.Length - 1);
            Decode();
        }
        return last;
    }

    private void Decode()
    {
        var result = _batch.Decode(context.NativeHandle);
        if (result != DecodeResult.Ok)
            throw new InvalidOperationException($"llama_decode failed: {result}.");
    }
}
