using EvalKit.Core.Requests;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>A catalog line: the options a scorer accepts, how to build it, what it needs from a case, and what it asks the model.</summary>
internal sealed record ScorerEntry(
    IReadOnlyList<ScorerOption> Options,
    Func<ScorerSpec, IScorer> Create,
    Func<EvalCase, string, IEnumerable<string>> CaseProblems,
    RequestKind Asks = RequestKind.Generate);
