using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// Grades one completion against its case. Scorers are pure and deterministic: the same case and
/// text always give the same score. A case the scorer cannot grade is an <c>unknown</c> score, not an exception.
/// </summary>
public interface IScorer
{
    string Name { get; }

    Score Score(EvalCase evalCase, string completion);
}
