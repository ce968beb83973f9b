namespace EvalKit.Core.Backends;

/// <summary>One token of a scored text (<see cref="ITokenLogProbs"/>).</summary>
/// <param name="Text">The token's text as the model detokenizes it.</param>
/// <param name="Offset">Where the token starts in the scored text, in UTF-16 code units (the wire format counts code points; backends convert).</param>
/// <param name="LogProbability">log p(token | the tokens before it), natural log; null for a first token that has nothing before it.</param>
/// <param name="Top">The most likely tokens at this position by their text, with their log-probabilities (at most the requested K).</param>
public sealed record TokenLogProb(string Text, int Offset, double? LogProbability, IReadOnlyDictionary<string, double> Top);
