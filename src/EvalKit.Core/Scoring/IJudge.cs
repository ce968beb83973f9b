using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// Grades an answer with a model, unlike <see cref="IScorer"/>, which is pure: the verdict depends on a model call.
/// The runner asks a judge after the rule-based scorer, for suites with <c>judge:</c>. A failed or unreadable judge
/// reply is a verdict labelled <c>unknown</c> with the raw text, never an exception.
/// </summary>
public interface IJudge
{
    /// <summary>The run's name of the judging model.</summary>
    string Model { get; }

    Task<JudgeVerdict> JudgeAsync(EvalCase evalCase, string answer, CancellationToken cancellationToken = default);
}
