namespace EvalKit.Core.Results;

/// <summary>One choice of a <c>choice_loglik</c> case as the model scored it, recorded in the sample.</summary>
public sealed record ChoiceLogLikelihood
{
    /// <summary>The choice's letter: A, B, C, …</summary>
    public required string Letter { get; init; }

    /// <summary>The exact continuation whose log-probability was computed (the choice after its delimiter).</summary>
    public required string Continuation { get; init; }

    /// <summary>Summed natural-log probability of the continuation's tokens given the prompt.</summary>
    public double LogProbability { get; init; }

    public int Tokens { get; init; }

    /// <summary>The choice text's length in characters (Unicode code points), the divisor of acc_norm.</summary>
    public int Characters { get; init; }

    /// <summary>True when greedy decoding from the prompt would have produced exactly this continuation.</summary>
    public bool IsGreedy { get; init; }
}
