using EvalKit.Core.Backends;

namespace EvalKit.Core.Requests;

/// <summary>The answer to a <see cref="LogLikelihoodChoicesRequest"/>: one result per continuation, in order, and the time they took.</summary>
public sealed record LogLikelihoodChoicesResponse(IReadOnlyList<LogLikelihoodResult> Choices, TimeSpan Elapsed);
