namespace EvalKit.Core.Backends;

/// <summary>
/// Optional capability of backends that can score a given text token by token, as an OpenAI-style
/// <c>/v1/completions</c> request with <c>echo: true</c> and <c>logprobs: K</c> answers: every token of the text with
/// its log-probability given the tokens before it and the K most likely tokens at its position. Local models have it;
/// an endpoint has it when its server returns prompt log-probabilities (vLLM, <c>evalkit serve</c>; not llama-server).
/// </summary>
public interface ITokenLogProbs
{
    /// <summary>The tokens of <paramref name="text"/> (no chat template; BOS as the model adds it, not listed), in order.</summary>
    /// <param name="text">The text to score, as given.</param>
    /// <param name="topK">How many of the most likely tokens to list at each position (0 for none).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    Task<IReadOnlyList<TokenLogProb>> TokenLogProbsAsync(string text, int topK, CancellationToken cancellationToken = default);
}
