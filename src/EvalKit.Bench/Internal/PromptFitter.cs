using System.Text;
using EvalKit.Core;
using LLama;
using LLama.Native;

namespace EvalKit.Bench.Internal;

/// <summary>A raw prompt text that the model's tokenizer turns into exactly N tokens (BOS included when the model adds one).</summary>
internal static class PromptFitter
{
    private const string Word = " a";

    public static (string Text, LLamaToken[] Tokens) Fit(LLamaWeights weights, int tokens)
    {
        var addBos = weights.Vocab.ShouldAddBOS;
        var words = Math.Max(0, tokens - (addBos ? 1 : 0));
        for (var attempt = 0; attempt < 64 && words >= 0; attempt++)
        {
            var text = string.Concat(Enumerable.Repeat(Word, words));
            var ids = weights.Tokenize(text, addBos, false, Encoding.UTF8);
            if (ids.Length == tokens)
                return (text, ids);
            words += ids.Length > tokens ? -1 : 1;
        }
        throw new EvalKitException(
            $"Could not build a prompt of exactly {tokens} tokens for this model's tokenizer.",
            "Try another prompt size with -p, or report the model to EvalKit's maintainers.");
    }
}
