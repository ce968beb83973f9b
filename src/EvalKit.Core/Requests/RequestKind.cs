namespace EvalKit.Core.Requests;

/// <summary>
/// What a suite asks a model for each case, declared by its scorer (<see cref="Scoring.ScorerCatalog.RequestKindOf"/>).
/// The runner builds the typed request for the kind, checks before any model loads that every model has the
/// capability the kind needs (<see cref="RequestKinds.Needs"/>), and hands the typed response to a scorer that takes it.
/// Room is left for a <c>logprobs</c> kind (each token's log-probability, <see cref="Backends.ITokenLogProbs"/>).
/// </summary>
public enum RequestKind
{
    /// <summary><c>generate</c>: text generated from the prompt (<see cref="Backends.GenerationRequest"/> → <see cref="Backends.Completion"/>).</summary>
    Generate,

    /// <summary><c>loglik_choices</c>: each choice's log-probability after the prompt (<see cref="LogLikelihoodChoicesRequest"/> → <see cref="LogLikelihoodChoicesResponse"/>).</summary>
    LogLikelihoodChoices,
}
