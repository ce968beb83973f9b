namespace EvalKit.Llama.Internal;

/// <summary>Log-softmax of llama.cpp's float logits, computed in double precision.</summary>
internal static class LogSoftmax
{
    /// <summary>log Σ exp(logit), shifted by the maximum so no term overflows; also the index of the largest logit (the first, on ties, as llama.cpp's greedy sampler picks).</summary>
    public static double LogSumExp(ReadOnlySpan<float> logits, out int argmax)
    {
        argmax = 0;
        for (var i = 1; i < logits.Length; i++)
        {
            if (logits[i] > logits[argmax])
                argmax = i;
        }
        double max = logits[argmax];
        var sum = 0.0;
        foreach (var logit in logits)
            sum += Math.Exp(logit - max);
        return max + Math.Log(sum);
    }

    /// <summary>
    /// KL(p‖q) = Σ p_i (log p_i − log q_i) between the softmax distributions of two logit vectors over the same vocabulary.
    /// </summary>
    public static double KullbackLeibler(ReadOnlySpan<float> p, double pLogSumExp, ReadOnlySpan<float> q, double qLogSumExp)
    {
        var kl = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var logP = p[i] - pLogSumExp;
            if (double.IsNegativeInfinity(logP))
                continue;
            var logQ = q[i] - qLogSumExp;
            kl += Math.Exp(logP) * (logP - logQ);
        }
        // Rounding can leave a tiny negative sum for identical distributions; KL is never negative.
        return Math.Max(0, kl);
    }
}
