namespace EvalKit.Core.Backends;

/// <summary>
/// Optional capability of backends that can read the model's next-token distribution (local models): the
/// log-probability of a continuation given a context, as lm-evaluation-harness's <c>loglikelihood</c> request
/// computes it. Multiple-choice scoring by log-likelihood (<c>scorer: {type: choice_loglik}</c>) needs it.
/// </summary>
public interface ILogLikelihood
{
    /// <summary>
    /// The summed log-probability (natural log) of <paramref name="continuation"/>'s tokens following
    /// <paramref name="context"/>. The text is used as given (no chat template); whitespace at the end of the
    /// context is moved to the start of the continuation, and the continuation's tokens are those of
    /// <c>context + continuation</c> after the context's own tokens, as lm-evaluation-harness does.
    /// </summary>
    /// <exception cref="ArgumentException">The continuation is empty or adds no token.</exception>
    /// <remarks>Implementations throw when context and continuation together do not fit the model's context.</remarks>
    Task<LogLikelihoodResult> LogLikelihoodAsync(string context, string continuation, CancellationToken cancellationToken = default);
}
