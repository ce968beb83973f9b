namespace EvalKit.Core.Backends;

/// <summary>
/// What a backend can answer (<see cref="IModelBackend.Capabilities"/>; before loading, <see cref="IBackendFactory.MissingCapability"/>).
/// A request kind needs one (<see cref="Requests.RequestKinds.Needs"/>); the run validator refuses a suite × model
/// pairing whose model lacks it before any model loads.
/// </summary>
[Flags]
public enum BackendCapabilities
{
    None = 0,

    /// <summary>Generates text (<see cref="IModelBackend.GenerateAsync"/>); every backend.</summary>
    Generate = 1,

    /// <summary>Log-probability of a continuation after a context (<see cref="ILogLikelihood"/>).</summary>
    LogLikelihood = 2,

    /// <summary>Every token of a text with its log-probability (<see cref="ITokenLogProbs"/>).</summary>
    TokenLogProbs = 4,
}
