namespace EvalKit.Core.Backends;

/// <summary>What <see cref="ILogLikelihood.LogLikelihoodAsync"/> returns for one context and continuation.</summary>
/// <param name="LogProbability">Sum over the continuation's tokens of log p(token | everything before it), natural log; at most 0.</param>
/// <param name="TokenCount">How many tokens the continuation scored.</param>
/// <param name="IsGreedy">True when every continuation token was the model's most likely next token (greedy decoding would produce it).</param>
public sealed record LogLikelihoodResult(double LogProbability, int TokenCount, bool IsGreedy);
