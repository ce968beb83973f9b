namespace EvalKit.Core.Requests;

/// <summary>A <c>loglik_choices</c> request: the log-probability of each continuation after the context, in order.</summary>
/// <param name="Context">The case's raw prompt (no chat template).</param>
/// <param name="Continuations">One per choice, in letter order (the choice after its delimiter).</param>
public sealed record LogLikelihoodChoicesRequest(string Context, IReadOnlyList<string> Continuations);
