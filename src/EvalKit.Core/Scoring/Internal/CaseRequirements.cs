using System.Text.RegularExpressions;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>What each scorer needs from a case, worded for the suite author. Empty means the case can be scored.</summary>
internal static class CaseRequirements
{
    public static IEnumerable<string> Expected(EvalCase evalCase, string scorer)
    {
        if (evalCase.Expected.Count == 0)
            yield return $"scorer '{scorer}' needs at least one 'expected' answer";
    }

    public static IEnumerable<string> NonBlankExpected(EvalCase evalCase, string scorer)
    {
        foreach (var problem in Expected(evalCase, scorer))
            yield return problem;
        for (var i = 0; i < evalCase.Expected.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(evalCase.Expected[i]))
                yield return $"expected answer {i + 1} is blank; with scorer '{scorer}' it would match every reply";
        }
    }

    /// <summary>Expected answers are optional; those given must not be blank.</summary>
    public static IEnumerable<string> OptionalNonBlankExpected(EvalCase evalCase, string scorer) =>
        evalCase.Expected.Count == 0 ? [] : NonBlankExpected(evalCase, scorer);

    /// <summary>A probe (tag <c>type: probe</c>) needs nothing; any other case needs non-blank expected answers.</summary>
    public static IEnumerable<string> AnswerableExpected(EvalCase evalCase, string scorer) =>
        SimpleQaScorer.IsProbe(evalCase) ? [] : NonBlankExpected(evalCase, scorer);

    public static IEnumerable<string> Patterns(EvalCase evalCase, string scorer)
    {
        foreach (var problem in Expected(evalCase, scorer))
            yield return problem;
        foreach (var pattern in evalCase.Expected)
        {
            if (PatternError(pattern) is { } error)
                yield return $"expected pattern {ReasonText.Quote(pattern)} is not a valid .NET regular expression: {error}";
        }
    }

    public static IEnumerable<string> Numbers(EvalCase evalCase, string scorer)
    {
        foreach (var problem in Expected(evalCase, scorer))
            yield return problem;
        foreach (var expected in evalCase.Expected)
        {
            if (NumberExtractor.Find(expected) is null)
                yield return $"expected answer {ReasonText.Quote(expected)} is not a number; scorer '{scorer}' compares numbers";
        }
    }

    public static IEnumerable<string> Choices(EvalCase evalCase, string scorer)
    {
        var count = evalCase.Choices.Count;
        if (count < 2)
            yield return $"scorer '{scorer}' needs at least two 'choices'; this case has {count}";
        else if (count > 26)
            yield return $"scorer '{scorer}' supports at most 26 choices (A to Z); this case has {count}";
        if (AnswerLetter(evalCase) is null)
        {
            var range = count >= 2 ? $"A to {(char)('A' + Math.Min(count, 26) - 1)}" : "A, B, ...";
            yield return $"'answer' must be one choice letter ({range}), not {ReasonText.Quote(evalCase.Answer ?? "")}";
        }
    }

    public static IEnumerable<string> LogLikelihoodChoices(EvalCase evalCase, string scorer)
    {
        foreach (var problem in Choices(evalCase, scorer))
            yield return problem;
        if (evalCase.Prompt is null)
            yield return $"scorer '{scorer}' needs a raw 'prompt' to continue; chat 'messages' are not supported";
        for (var i = 0; i < evalCase.Choices.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(evalCase.Choices[i]))
                yield return $"choice {(char)('A' + Math.Min(i, 25))} is blank; scorer '{scorer}' needs text to score";
        }
    }

    /// <summary>The case's answer as an upper-case letter within its choices, or null.</summary>
    public static char? AnswerLetter(EvalCase evalCase)
    {
        var answer = evalCase.Answer?.Trim() ?? "";
        if (answer.Length != 1 || !char.IsAsciiLetter(answer[0]))
            return null;
        var letter = char.ToUpperInvariant(answer[0]);
        return letter - 'A' < Math.Min(evalCase.Choices.Count, 26) ? letter : null;
    }

    public static string? PatternError(string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }
    }
}
