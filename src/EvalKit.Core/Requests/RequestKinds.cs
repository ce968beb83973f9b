using EvalKit.Core.Backends;

namespace EvalKit.Core.Requests;

/// <summary>The names of request kinds and of backend capabilities, and which capability each kind needs.</summary>
public static class RequestKinds
{
    /// <summary>The kind's name in messages and docs: <c>generate</c>, <c>loglik_choices</c>.</summary>
    public static string Name(RequestKind kind) => kind switch
    {
        RequestKind.Generate => "generate",
        RequestKind.LogLikelihoodChoices => "loglik_choices",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The backend capability a request of this kind needs.</summary>
    public static BackendCapabilities Needs(RequestKind kind) => kind switch
    {
        RequestKind.Generate => BackendCapabilities.Generate,
        RequestKind.LogLikelihoodChoices => BackendCapabilities.LogLikelihood,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>A single capability's name in messages and docs: <c>generate</c>, <c>loglikelihood</c>, <c>token_logprobs</c>.</summary>
    public static string Name(BackendCapabilities capability) => capability switch
    {
        BackendCapabilities.Generate => "generate",
        BackendCapabilities.LogLikelihood => "loglikelihood",
        BackendCapabilities.TokenLogProbs => "token_logprobs",
        _ => capability.ToString(),
    };
}
