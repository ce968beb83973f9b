namespace EvalKit.Core.Scoring;

/// <summary>A reply's <see cref="CensorshipCategory"/> and the words that decided it (empty for a plain answer).</summary>
public sealed record CensorshipVerdict(CensorshipCategory Category, string Evidence);
