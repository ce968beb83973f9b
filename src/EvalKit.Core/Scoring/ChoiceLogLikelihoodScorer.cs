using System.Globalization;
using EvalKit.Core.Backends;
using EvalKit.Core.Requests;
using EvalKit.Core.Scoring.Internal;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>
/// <c>choice_loglik</c>: multiple choice by log-likelihood, as lm-evaluation-harness's <c>multiple_choice</c> tasks
/// score it. Each choice is a continuation of the case's prompt — a space and the choice text (lm-evaluation-harness's
/// default <c>target_delimiter</c>), or the text alone when the prompt already ends in whitespace — and the backend
/// (<see cref="ILogLikelihood"/>) gives its summed log-probability. <c>acc</c>: the choice with the highest sum is the
/// answer. <c>acc_norm</c>: the highest sum divided by the choice text's length in characters
/// (<c>completion_len = len(choice)</c>, <c>pred_norm = argmax(lls / completion_len)</c> in lm_eval/api/task.py).
/// Ties go to the earlier choice, as numpy's argmax does. The runner calls the backend; generated text is not scored.
/// </summary>
public sealed class ChoiceLogLikelihoodScorer : ILogLikelihoodChoicesScorer
{
    public const string TypeName = "choice_loglik";

    public string Name => TypeName;

    /// <summary>Always <c>unknown</c>: this scorer grades log-probabilities, which the runner obtains from the backend.</summary>
    public Score Score(EvalCase evalCase, string completion) =>
        ReasonText.Unknown($"scorer '{TypeName}' scores each choice's log-probability, not generated text");

    /// <summary>The continuation scored for each choice, in letter order.</summary>
    public static IReadOnlyList<string> Continuations(EvalCase evalCase)
    {
        var delimiter = evalCase.Prompt is { Length: > 0 } prompt && char.IsWhiteSpace(prompt[^1]) ? "" : " ";
        return [.. evalCase.Choices.Select(choice => delimiter + choice)];
    }

    /// <summary>The choice text's length in characters (Unicode code points, as Python's <c>len</c> counts).</summary>
    public static int Characters(string choice) => choice.EnumerateRunes().Count();

    public (Score Acc, Score AccNorm) Score(EvalCase evalCase, LogLikelihoodChoicesResponse response) => Score(evalCase, response.Choices);

    /// <summary>Grades one case from its choices' log-likelihoods (in letter order): acc, and acc_norm beside it.</summary>
    public (Score Acc, Score AccNorm) Score(EvalCase evalCase, IReadOnlyList<LogLikelihoodResult> choices)
    {
        if (CaseRequirements.LogLikelihoodChoices(evalCase, Name).FirstOrDefault() is { } problem)
            return (ReasonText.Unknown(problem), ReasonText.Unknown(problem));
        if (choices.Count != evalCase.Choices.Count)
            throw new ArgumentException($"Expected {evalCase.Choices.Count} log-likelihoods, one per choice, not {choices.Count}.", nameof(choices));

        var answer = CaseRequirements.AnswerLetter(evalCase)!.Value - 'A';
        var acc = ArgMax(choices.Select(c => c.LogProbability).ToList());
        var norm = ArgMax(choices.Select((c, i) => c.LogProbability / Characters(evalCase.Choices[i])).ToList());
        var expected = $"expected {Letter(answer)}";
        var accReason = $"acc chose {Letter(acc)} (log p {Number(choices[acc].LogProbability)}); " +
                        $"acc_norm chose {Letter(norm)} (log p per character {Number(choices[norm].LogProbability / Characters(evalCase.Choices[norm]))}); {expected}";
        return (Verdict(acc == answer, accReason) with { Extracted = Letter(acc).ToString() }, Verdict(norm == answer, accReason));
    }

    private static Score Verdict(bool correct, string reason) =>
        correct ? Scoring.Score.Correct(reason) : Scoring.Score.Incorrect(reason);

    private static int ArgMax(IReadOnlyList<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[best])
                best = i;
        }
        return best;
    }

    private static char Letter(int index) => (char)('A' + index);

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
