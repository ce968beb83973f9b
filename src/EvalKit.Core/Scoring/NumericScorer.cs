using System.Globalization;
using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// <c>numeric</c>: GSM8K-style final answers. The reply's number is the last one inside the last <c>\boxed{…}</c>,
/// else in the clause after the last "####", else in the clause after the last answer marker ("the answer is",
/// "Answer:"; a clause ends with its sentence, its line or a reason such as "because"), else the last number in
/// the reply: "The answer is 22 + 70 = 92." gives 92. "$1,234.00", "18 dollars", "-5", "25%" (as 25) and "3/4"
/// (as 0.75) are understood. Expected answers are read the same way and match when within <c>tolerance</c>
/// (absolute, default 1e-6). The reply's number, as a plain invariant decimal ("1234", "0.75"), is the score's
/// <see cref="Score.Extracted"/>.
/// </summary>
public sealed class NumericScorer(double tolerance = NumericScorer.DefaultTolerance) : IScorer
{
    /// <summary>The absolute tolerance used when a suite gives none.</summary>
    public const double DefaultTolerance = 1e-6;

    public string Name => "numeric";

    public Score Score(EvalCase evalCase, string completion)
    {
        if (CaseRequirements.Expected(evalCase, Name).FirstOrDefault() is { } problem)
            return ReasonText.Unknown(problem);
        var expected = evalCase.Expected.Select(NumberExtractor.Find).OfType<AnswerNumber>().ToList();
        if (expected.Count == 0)
            return ReasonText.Unknown($"no expected answer is a number: {ReasonText.QuoteList(evalCase.Expected)}");

        if (NumberExtractor.Find(completion) is not { } found)
            return Scoring.Score.Incorrect("no number found");

        var wanted = string.Join(" or ", expected.Select(number => number.Text));
        var verdict = $"found {found.Text} ({found.Where}), expected {wanted}";
        var score = expected.Any(number => Math.Abs(number.Value - found.Value) <= tolerance)
            ? Scoring.Score.Correct(verdict)
            : Scoring.Score.Incorrect(verdict);
        return score with { Extracted = found.Value.ToString("R", CultureInfo.InvariantCulture) };
    }
}
