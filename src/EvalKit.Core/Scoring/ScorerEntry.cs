using EvalKit.Core.Requests;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// A catalog line: the options a scorer accepts, how to build it, what it needs from a case (given the case and the
/// scorer's name; empty when it can be scored), and what it asks the model. A scorer from another assembly is added
/// with one of these (<see cref="ScorerCatalog.Register"/>).
/// </summary>
public sealed record ScorerEntry(
    IReadOnlyList<ScorerOption> Options,
    Func<ScorerSpec, IScorer> Create,
    Func<EvalCase, string, IEnumerable<string>> CaseProblems,
    RequestKind Asks = RequestKind.Generate);
