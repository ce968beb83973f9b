using System.Text;
using EvalKit.TestSupport;
using LLama;
using LLama.Common;
using LLama.Native;

namespace EvalKit.Llama.Tests.LogLikelihood;

/// <summary>
/// The reference the backend is checked against: stories260K driven through LLamaSharp directly — the whole
/// sequence in one decode call with logits at every position — and the log-softmax written out here in double precision.
/// </summary>
internal sealed class DirectLogits : IDisposable
{
    private readonly LLamaWeights _weights;
    private readonly LLamaContext _context;

    public DirectLogits()
    {
        var parameters = new ModelParams(SharedAssets.Stories260K) { ContextSize = 256, GpuLayerCount = 0, Threads = 1, BatchThreads = 1 };
        _weights = LLamaWeights.LoadFromFile(parameters);
        _context = _weights.CreateContext(parameters);
    }

    public LLamaToken[] Tokenize(string text) => _weights.Tokenize(text, true, false, Encoding.UTF8);

    /// <summary>Σ log p(tokens[i] | tokens[..i]) for i ≥ first, and whether each was the argmax.</summary>
    public (double LogProbability, bool Greedy) Score(LLamaToken[] tokens, int first)
    {
        _context.NativeHandle.MemoryClear(true);
        var batch = new LLamaBatch();
        for (var i = 0; i < tokens.Length; i++)
            batch.Add(tokens[i], i, LLamaSeqId.Zero, true);
        Assert.Equal(DecodeResult.Ok, _context.NativeHandle.Decode(batch));

        var sum = 0.0;
        var greedy = true;
        for (var i = first - 1; i < tokens.Length - 1; i++)
        {
            var logits = _context.NativeHandle.GetLogitsIth(i).ToArray();
            var max = logits.Max();
            var logZ = max + Math.Log(logits.Sum(l => Math.Exp(l - (double)max)));
            var next = (int)tokens[i + 1];
            sum += logits[next] - logZ;
            greedy &= Array.IndexOf(logits, max) == next;
        }
        return (sum, greedy);
    }

    public void Dispose()
    {
        _context.Dispose();
        _weights.Dispose();
    }
}
