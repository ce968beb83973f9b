using System.Text;
using EvalKit.Core.Backends;
using LLama;
using LLama.Native;

namespace EvalKit.Llama.Internal;

/// <summary>
/// lm-evaluation-harness's <c>loglikelihood</c> request on llama.cpp: whitespace ending the context moves to the
/// continuation, both <c>context</c> and <c>context + continuation</c> are tokenized (BOS as the model asks), and
/// the continuation's tokens are the whole text's tokens after the context's (<c>_encode_pair</c> in
/// lm_eval/models/huggingface.py, v0.4.7). An empty context is replaced by the BOS (or EOS) token. Not thread-safe.
/// </summary>
internal sealed class LogLikelihoodEvaluator(LLamaWeights weights, LLamaContext context)
{
    private readonly ForcedDecoder _decoder = new(context);

    public LogLikelihoodResult Run(string contextText, string continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contextText);
        ArgumentException.ThrowIfNullOrEmpty(continuation);
        var trimmed = contextText.TrimEnd();
        continuation = contextText[trimmed.Length..] + continuation;

        var tokens = Tokens(trimmed, continuation, out var first);
        if (tokens.Length > _decoder.ContextSize)
            throw new PromptTooLongException(tokens.Length, _decoder.ContextSize);

        _decoder.Reset();
        var logProbability = 0.0;
        var greedy = true;
        // The logits at position p predict token p + 1; the continuation's tokens start at index first.
        for (var start = 0; start < tokens.Length; start += _decoder.ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(tokens.Length, start + _decoder.ChunkSize);
            _decoder.DecodeChunk(tokens, start, end, first - 1);
            for (var position = Math.Max(start, first - 1); position < end && position + 1 < tokens.Length; position++)
            {
                var logits = _decoder.Logits(position);
                var next = (int)tokens[position + 1];
                var logSumExp = LogSoftmax.LogSumExp(logits, out var argmax);
                logProbability += logits[next] - logSumExp;
                greedy &= argmax == next;
            }
        }
        return new LogLikelihoodResult(logProbability, tokens.Length - first, greedy);
    }

    private LLamaToken[] Tokens(string contextText, string continuation, out int first)
    {
        var addBos = weights.Vocab.ShouldAddBOS;
        var whole = weights.Tokenize(contextText + continuation, addBos, false, Encoding.UTF8);
        first = weights.Tokenize(contextText, addBos, false, Encoding.UTF8).Length;
        if (first == 0)
        {
            var prefix = weights.Vocab.BOS ?? weights.Vocab.EOS
                ?? throw new ArgumentException("The context is empty and the model has neither a BOS nor an EOS token to stand for it.", nameof(contextText));
            whole = [prefix, .. whole];
            first = 1;
        }
        if (whole.Length <= first)
            throw new ArgumentException($"The continuation {Quote(continuation)} adds no token after the context.", nameof(continuation));
        return whole;
    }

    private static string Quote(string text) => text.Length <= 40 ? $"\"{text}\"" : $"\"{text[..40]}…\"";
}
