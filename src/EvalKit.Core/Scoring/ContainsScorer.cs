using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// <c>contains</c>: one of the case's expected answers appears somewhere in the reply. Runs of whitespace count as
/// one space on both sides; case is ignored unless <c>ignore_case</c> is false. Blank expected answers are skipped.
/// The expected answer found is the score's <see cref="Score.Extracted"/>, so two replies that both name "Ottawa" in
/// different words agree on their answer.
/// </summary>
public sealed class ContainsScorer(bool ignoreCase = true) : IScorer
{
    public string Name => "contains";

    public Score Score(EvalCase evalCase, string completion)
    {
        var expected = evalCase.Expected.Where(answer => !string.IsNullOrWhiteSpace(answer)).ToList();
        if (expected.Count == 0)
            return ReasonText.Unknown($"scorer '{Name}' needs at least one non-blank 'expected' answer");

        var reply = TextNormalizer.CollapseWhitespace(completion);
        var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var answer in expected)
        {
            if (reply.Contains(TextNormalizer.CollapseWhitespace(answer), comparison))
                return Scoring.Score.Correct($"contains {ReasonText.Quote(answer)}") with { Extracted = answer.Trim() };
        }
        return Scoring.Score.Incorrect($"contains none of {ReasonText.QuoteList(expected)}");
    }
}
