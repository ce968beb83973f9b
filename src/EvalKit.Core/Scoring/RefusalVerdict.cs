namespace EvalKit.Core.Scoring;

/// <summary>A reply's <see cref="RefusalCategory"/> and the words that decided it (empty for plain compliance).</summary>
public sealed record RefusalVerdict(RefusalCategory Category, string Evidence);
