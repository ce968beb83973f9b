using System.Text;
using EvalKit.Core;
using LLama;
using LLama.Native;

namespace EvalKit.Bench.Internal;

/// <summary>
/// A raw prompt text that the model's tokenizer turns into exactly N tokens (BOS included when the model adds one):
/// as many " a" words as fit, then single characters until the count is exact. Works for word-level (BPE) and
/// byte-level (SentencePiece byte-fallback) vocabularies alike.
/// </summary>
internal static class PromptFitter
{
    private static readonly string[] _fillers = ["a", "b", "x", "1", ".", " "];

    public static (string Text, LLamaToken[] Tokens) Fit(LLamaWeights weights, int tokens)
    {
        var addBos = weights.Vocab.ShouldAddBOS;
        LLamaToken[] Tokenize(string text) => weights.Tokenize(text, addBos, false, Encoding.UTF8);

        var perWord = Math.Max(1, Tokenize(" a a").Length - Tokenize(" a").Length);
        var words = Math.Max(0, (tokens - Tokenize("").Length) / perWord);
        var text = new StringBuilder(string.Concat(Enumerable.Repeat(" a", words)));
        while (text.Length > 0 && Tokenize(text.ToString()).Length > tokens)
            text.Length -= 2;
        for (var guard = 0; guard < 4 * tokens + 64; guard++)
        {
            var ids = Tokenize(text.ToString());
            if (ids.Length == tokens)
                return (text.ToString(), ids);
            var grown = _fillers.Select(f => text + f).FirstOrDefault(t => Tokenize(t).Length is var n && n > ids.Length && n <= tokens);
            if (grown is null)
                break;
            text.Clear().Append(grown);
        }
        throw new EvalKitException(
            $"Could not build a prompt of exactly {tokens} tokens for this model's tokenizer.",
            "Try another prompt size with -p, or report the model to EvalKit's maintainers.");
    }
}
