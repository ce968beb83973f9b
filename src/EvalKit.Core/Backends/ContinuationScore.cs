namespace EvalKit.Core.Backends;

/// <summary>
/// A continuation's log-likelihood read from a scored text (<see cref="ITokenLogProbs"/>), as lm-evaluation-harness's
/// <c>local-completions</c> model reads an <c>echo</c> + <c>logprobs</c> answer: the continuation starts at the token that
/// holds the first character after the context (found by character offset, since the server tokenized the whole
/// text), and its log-probability is the sum over that token and every one after; it is greedy when each of those
/// tokens is the most likely one listed at its position.
/// </summary>
public static class ContinuationScore
{
    /// <summary>Prepares a context/continuation pair as <see cref="ILogLikelihood"/> defines it: whitespace ending the context moves to the continuation.</summary>
    public static (string Context, string Continuation) Split(string context, string continuation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(continuation);
        var trimmed = context.TrimEnd();
        return (trimmed, context[trimmed.Length..] + continuation);
    }

    /// <exception cref="InvalidOperationException">No token starts in the continuation, or one has no log-probability.</exception>
    public static LogLikelihoodResult From(IReadOnlyList<TokenLogProb> tokens, int contextLength)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var first = -1;
        for (var i = 0; i < tokens.Count && first < 0; i++)
        {
            var end = i + 1 < tokens.Count ? tokens[i + 1].Offset : int.MaxValue;
            if (end > contextLength)
                first = i;
        }
        if (first < 0)
            throw new InvalidOperationException($"No token of the scored text reaches past the context ({contextLength} characters).");

        var sum = 0.0;
        var greedy = true;
        for (var i = first; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.LogProbability is not { } logProbability)
                throw new InvalidOperationException($"Token {i} ('{token.Text}') came without a log-probability; the continuation cannot be scored.");
            sum += logProbability;
            greedy &= token.Top.Count > 0 && token.Top.MaxBy(t => t.Value).Key == token.Text;
        }
        return new LogLikelihoodResult(sum, tokens.Count - first, greedy);
    }
}
