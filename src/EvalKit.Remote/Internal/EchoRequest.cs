using System.ClientModel;
using System.Text.Json;
using EvalKit.Core.Backends;
using EvalKit.Remote.Wire;

namespace EvalKit.Remote.Internal;

/// <summary>
/// A <c>/completions</c> request that scores a text instead of continuing it: <c>echo: true</c>, <c>logprobs: K</c>,
/// <c>max_tokens: 0</c>, not streamed, as lm-evaluation-harness's <c>local-completions</c> model asks; and the parse
/// of its legacy <c>logprobs</c> object (tokens, token_logprobs, top_logprobs, text_offset in code points).
/// </summary>
internal static class EchoRequest
{
    public static BinaryContent For(string model, string text, int topK) => RequestBody.Content(new WireRequest
    {
        Model = model,
        Prompt = text,
        Echo = true,
        Logprobs = JsonSerializer.SerializeToElement(topK, WireJson.Default.Int32),
        MaxTokens = 0,
        Temperature = 0,
    });

    /// <summary>The tokens of <paramref name="text"/> from the answer; tokens the server generated after it are dropped.</summary>
    /// <exception cref="InvalidOperationException">The answer has no usable logprobs object (the server ignores echo or logprobs).</exception>
    public static IReadOnlyList<TokenLogProb> Parse(BinaryData answer, string text)
    {
        WireResponse response;
        try
        {
            response = WireJson.Response(answer.ToMemory().Span);
        }
        catch (JsonException ex)
        {
            throw new InvalidOperationException("the answer to an echo + logprobs request is not JSON: " + ex.Message);
        }
        var logProbs = response.Choices is [{ Logprobs: { } first }, ..] ? first
            : throw new InvalidOperationException("the answer to an echo + logprobs request has no choices[0].logprobs; the server does not return prompt log-probabilities");
        if (logProbs is not { Tokens: { } tokens, TokenLogprobs: { } values, TextOffset: { } offsets } || values.Count != tokens.Count || offsets.Count != tokens.Count)
            throw new InvalidOperationException("the logprobs of an echo request need tokens, token_logprobs and text_offset of equal length");
        var tops = logProbs.TopLogprobs;

        var result = new List<TokenLogProb>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var offset = TextOffsets.ToUtf16(text, offsets[i]);
            if (offset >= text.Length && result.Count > 0)
                break; // generated after the text
            var top = tops?.Count > i && tops[i] is { } alternatives ? new Dictionary<string, double>(alternatives) : [];
            result.Add(new TokenLogProb(tokens[i], offset, values[i], top));
        }
        if (result.Count == 0)
            throw new InvalidOperationException("the answer to an echo request lists no tokens; the server does not echo the prompt");
        return result;
    }
}
