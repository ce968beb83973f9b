using System.Numerics.Tensors;
using LLama;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// Greedy decoding read straight from a logits row, by llama.cpp's greedy sampler's rule: the first token with the
/// largest logit, NaN never chosen unless it is token 0. The native sampler chain gives the same token but first
/// copies every logit into a candidate array (0.1–0.7 ms a token at a 151,936-word vocabulary), which cost a
/// batched step of 8 sequences about a tenth of its time on 2 cores.
/// </summary>
internal static class GreedyChoice
{
    public static LLamaToken Pick(LLamaContext context, int logitsIndex) => Pick(context.NativeHandle.GetLogitsIth(logitsIndex));

    public static LLamaToken Pick(ReadOnlySpan<float> logits)
    {
        if (logits.IsEmpty)
            throw new ArgumentException("A logits row has at least one entry.", nameof(logits));
        var best = TensorPrimitives.IndexOfMax(logits);
        return float.IsNaN(logits[best]) ? FirstLargestIgnoringNaN(logits) : (LLamaToken)best;
    }

    // llama.cpp's loop: a NaN compares false, so it is skipped unless it sits at index 0.
    private static LLamaToken FirstLargestIgnoringNaN(ReadOnlySpan<float> logits)
    {
        var best = 0;
        for (var i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[best])
                best = i;
        }
        return best;
    }
}
