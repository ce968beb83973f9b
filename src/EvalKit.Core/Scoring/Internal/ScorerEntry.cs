using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>A catalog line: the options a scorer accepts, how to build it, and what it needs from a case.</summary>
internal sealed record ScorerEntry(
    IReadOnlyList<ScorerOption> Options,
    Func<ScorerSpec, IScorer> Create,
    Func<EvalCase, string, IEnumerable<string>> CaseProblems);
