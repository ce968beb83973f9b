using System.Globalization;
using System.Text.RegularExpressions;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>
/// Final-answer extraction for numeric questions, tried in this order: the last <c>\boxed{…}</c>, the text after
/// the last <c>####</c> (GSM8K), the clause after the last answer marker ("the answer is", "Final answer:", "答案是"),
/// and otherwise the last number in the reply (lm-evaluation-harness's <c>flexible-extract</c>). A clause runs to
/// the end of its sentence or line, or to a reason ("because", "since", "("); its LAST number is the answer, so
/// "The answer is 22 + 70 = 92." gives 92. A marker whose clause holds no number is skipped for the one before it.
/// "$1,234.50", "€5", "-5", "18 dollars", "25%" (as 25), "3/4" and <c>\frac{3}{4}</c> (as 0.75) are understood.
/// </summary>
internal static partial class NumberExtractor
{
    // Markers whose clause holds no number are skipped back to this many, which bounds a hostile reply's cost.
    private const int MaxMarkers = 20;

    public static AnswerNumber? Find(string text)
    {
        text = Fraction.Replace(text, "${a}/${b}").Replace("{,}", ",", StringComparison.Ordinal);

        var boxes = Boxed.Matches(text);
        for (var i = boxes.Count - 1; i >= 0; i--)
        {
            if (LastIn(boxes[i].Groups["body"].Value) is { } boxed)
                return new AnswerNumber(boxed, @"in \boxed");
        }

        var hashes = text.LastIndexOf("####", StringComparison.Ordinal);
        if (hashes >= 0 && LastIn(Clause(text, hashes + 4)) is { } afterHashes)
            return new AnswerNumber(afterHashes, "after ####");

        var markers = AnswerMarker.Matches(text);
        for (var i = markers.Count - 1; i >= Math.Max(0, markers.Count - MaxMarkers); i--)
        {
            if (LastIn(Clause(text, markers[i].Index + markers[i].Length)) is { } afterMarker)
                return new AnswerNumber(afterMarker, "after 'answer is'");
        }

        return LastIn(text) is { } last ? new AnswerNumber(last, "last number") : null;
    }

    // From the start (after any spaces, colons, bold marks) to the end of the sentence or line, or to a reason.
    private static string Clause(string text, int start)
    {
        while (start < text.Length && (char.IsWhiteSpace(text[start]) || ":：=*_$".Contains(text[start])))
            start++;
        var end = ClauseEnd.Match(text, start);
        return end.Success ? text[start..end.Index] : text[start..];
    }

    private static double? LastIn(string text)
    {
        double? last = null;
        foreach (Match match in Number.Matches(text))
            last = Parse(match) ?? last;
        return last;
    }

    private static double? Parse(Match match)
    {
        var digits = match.Groups["num"].Value.Replace(",", "");
        if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return null;
        if (match.Groups["den"].Success)
        {
            var denominator = double.Parse(match.Groups["den"].Value, CultureInfo.InvariantCulture);
            if (denominator != 0)
                value /= denominator;
        }
        if (match.Groups["neg"].Success)
            value = -value;
        return double.IsFinite(value) ? value : null;
    }

    // A sign counts only when it does not follow a word or a number, so "3-5" is 3 and 5, not 3 and -5.
    [GeneratedRegex(
        @"(?:(?<![\w)])(?<neg>[-−]))?[$€£¥₹]?(?<num>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:/(?<den>[0-9]+))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex Number { get; }

    [GeneratedRegex(
        @"\banswer(?:\s{1,4}(?:is|was|would\s{1,4}be|will\s{1,4}be|should\s{1,4}be|must\s{1,4}be|comes\s{1,4}to|equals)(?:\s{1,4}(?:therefore|then|thus|now))?\b\s{0,4}[:：]?|\s{0,4}[:：=])"
        + @"|(?:答案|结果)(?:应该|应当|就)?(?:是|为|[:：])|(?:réponse|respuesta|resposta|antwort|risposta|jawaban|ответ)\s{0,4}[:：]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnswerMarker { get; }

    // A full stop ends a clause unless a digit follows (a decimal point); reasons end it too.
    [GeneratedRegex(@"\.(?![0-9])|[!?;。！？；\n]|\((?!\s{0,4}[0-9.,]+\s{0,4}\))|\s[—–]\s|\b(?:because|since|given\s{1,4}that|as\s{1,4}(?:she|he|they|we|it|there|the)|due\s{1,4}to)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseEnd { get; }

    [GeneratedRegex(@"\\boxed\{(?<body>[^{}]{0,200}(?:\{[^{}]{0,50}\}[^{}]{0,200}){0,4})\}", RegexOptions.CultureInvariant)]
    private static partial Regex Boxed { get; }

    [GeneratedRegex(@"\\[dt]?frac\{\s{0,4}(?<a>[0-9]+)\s{0,4}\}\{\s{0,4}(?<b>[0-9]+)\s{0,4}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Fraction { get; }
}
