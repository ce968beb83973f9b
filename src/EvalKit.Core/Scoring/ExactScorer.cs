using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// <c>exact</c>: the reply equals one of the case's expected answers after normalisation. Each normalisation is an
/// option and on by default, as in the SQuAD evaluation script: lower-casing, collapsing whitespace, removing
/// punctuation and symbols, removing the articles "a", "an" and "the". Surrounding whitespace is always trimmed.
/// </summary>
public sealed class ExactScorer(
    bool ignoreCase = true, bool collapseWhitespace = true, bool stripPunctuation = true, bool stripArticles = true)
    : IScorer
{
    public string Name => "exact";

    public Score Score(EvalCase evalCase, string completion)
    {
        if (CaseRequirements.Expected(evalCase, Name).FirstOrDefault() is { } problem)
            return ReasonText.Unknown(problem);

        var reply = Normalize(completion);
        foreach (var expected in evalCase.Expected)
        {
            if (Normalize(expected) == reply)
                return Scoring.Score.Correct($"equals {ReasonText.Quote(expected)}");
        }
        return Scoring.Score.Incorrect(
            $"normalised reply {ReasonText.Quote(reply)} equals none of {ReasonText.QuoteList(evalCase.Expected)}");
    }

    private string Normalize(string text) =>
        TextNormalizer.Normalize(text, ignoreCase, collapseWhitespace, stripPunctuation, stripArticles);
}
