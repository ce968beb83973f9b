using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// <c>choice</c>: multiple choice by letter. The chosen letter comes from, in this order: a reply that is only a
/// letter ("B", "(B)", "**B**"); the last answer statement ("The answer is (B).", "Correct option: C", "I'd say B",
/// "I think it's B", "B is correct", "答案是B", <c>\boxed{B}</c>), so a restated or corrected answer wins; marked
/// letters ("B) Paris", "[B]"); a reply that is, or contains, exactly one choice's text. Only letters within the
/// case's choices count. A statement naming several letters ("A or B"), or several different marked letters or
/// choice texts, makes the reply ambiguous, which is incorrect. The chosen letter, when there is exactly one, is
/// the score's <see cref="Score.Extracted"/>.
/// </summary>
public sealed class ChoiceScorer : IScorer
{
    public string Name => "choice";

    public Score Score(EvalCase evalCase, string completion)
    {
        if (CaseRequirements.Choices(evalCase, Name).FirstOrDefault() is { } problem)
            return ReasonText.Unknown(problem);
        var answer = CaseRequirements.AnswerLetter(evalCase)!.Value;

        var finding = ChoiceExtractor.Find(completion, evalCase.Choices);
        switch (finding.Letters)
        {
            case []:
                var last = (char)('A' + evalCase.Choices.Count - 1);
                return Scoring.Score.Incorrect($"no choice letter (A to {last}) or choice text found; expected {answer}");
            case [var letter]:
                var verdict = $"chose {letter} (from {finding.Evidence}); expected {answer}";
                var score = letter == answer ? Scoring.Score.Correct(verdict) : Scoring.Score.Incorrect(verdict);
                return score with { Extracted = letter.ToString() };
            default:
                var letters = string.Join(", ", finding.Letters);
                return Scoring.Score.Incorrect($"ambiguous: {letters} (from {finding.Evidence}); expected {answer}");
        }
    }
}
