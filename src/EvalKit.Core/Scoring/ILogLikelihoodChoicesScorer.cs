using EvalKit.Core.Requests;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// A scorer of <c>loglik_choices</c> suites: grades a case from its choices' log-likelihoods
/// (<see cref="LogLikelihoodChoicesResponse"/>) instead of generated text. Pure and deterministic, as every scorer.
/// </summary>
public interface ILogLikelihoodChoicesScorer : IScorer
{
    /// <summary>The graded answer (<c>acc</c>) and the length-normalised one beside it (<c>acc_norm</c>, <c>unknown</c> when not graded).</summary>
    (Score Acc, Score AccNorm) Score(EvalCase evalCase, LogLikelihoodChoicesResponse response);
}
