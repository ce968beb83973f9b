using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>Every built-in scorer, looked up by the name a suite's <c>scorer.type</c> gives.</summary>
public static class ScorerCatalog
{
    public static IReadOnlyList<string> Names { get; } = ["exact", "contains", "regex", "choice", "numeric"];

    /// <summary>Problems with a scorer's options (unknown option, bad value); empty when the spec is usable.</summary>
    public static IReadOnlyList<string> Validate(ScorerSpec spec) => [];

    /// <summary>What a case lacks for this scorer (no expected answer, no choices); empty when it can be scored.</summary>
    public static IReadOnlyList<string> CaseProblems(ScorerSpec spec, EvalCase evalCase) => [];

    public static IScorer Create(ScorerSpec spec) =>
        throw new NotImplementedException($"scorer '{spec.Type}' is being written");
}
