using System.Text;
using LLama;
using LLama.Common;
using LLama.Native;
using LLama.Sampling;

namespace EvalKit.Llama.Tests.Fixtures;

/// <summary>Greedy raw completion through real llama.cpp: BOS added, no chat template, stop at end-of-generation.</summary>
public sealed class GreedyCompletion : IDisposable
{
    private readonly ModelParams _parameters;
    private readonly LLamaWeights _weights;

    public GreedyCompletion(string modelPath)
    {
        _parameters = new ModelParams(modelPath) { ContextSize = 256, GpuLayerCount = 0, Threads = 1, BatchThreads = 1 };
        _weights = LLamaWeights.LoadFromFile(_parameters);
    }

    public LLamaWeights Weights => _weights;

    public LLamaToken[] Tokenize(string prompt) => _weights.Tokenize(prompt, true, false, Encoding.UTF8);

    public string Complete(string prompt, int maxTokens = 16)
    {
        using var context = _weights.CreateContext(_parameters);
        using var sampler = new GreedySamplingPipeline();
        var decoder = new StreamingTokenDecoder(context);
        var batch = new LLamaBatch();
        var tokens = Tokenize(prompt);
        batch.AddRange(tokens, 0, LLamaSeqId.Zero, true);
        Assert.Equal(DecodeResult.Ok, context.Decode(batch));
        var position = tokens.Length;
        for (var i = 0; i < maxTokens; i++)
        {
            var token = sampler.Sample(context.NativeHandle, batch.TokenCount - 1);
            sampler.Accept(token);
            if (token.IsEndOfGeneration(_weights.Vocab))
                break;
            decoder.Add(token);
            batch.Clear();
            batch.Add(token, position++, LLamaSeqId.Zero, true);
            Assert.Equal(DecodeResult.Ok, context.Decode(batch));
        }
        return decoder.Read();
    }

    /// <summary>Greedy token ids for <paramref name="count"/> steps, not stopping at end-of-generation.</summary>
    public int[] GenerateTokens(string prompt, int count)
    {
        using var context = _weights.CreateContext(_parameters);
        using var sampler = new GreedySamplingPipeline();
        var batch = new LLamaBatch();
        var tokens = Tokenize(prompt);
        batch.AddRange(tokens, 0, LLamaSeqId.Zero, true);
        var generated = new List<int>();
        for (var position = tokens.Length; generated.Count < count; position++)
        {
            Assert.Equal(DecodeResult.Ok, context.Decode(batch));
            var token = sampler.Sample(context.NativeHandle, batch.TokenCount - 1);
            sampler.Accept(token);
            generated.Add((int)token);
            batch.Clear();
            batch.Add(token, position, LLamaSeqId.Zero, true);
        }
        return generated.ToArray();
    }

    public void Dispose() => _weights.Dispose();
}
