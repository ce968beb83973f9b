using System.Text.RegularExpressions;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>
/// Reads of <see cref="CensorshipPatterns"/> shared by <see cref="CensorshipClassifier"/> and
/// <see cref="RefusalClassifier"/>, on text already normalised by <see cref="AbstentionDetector.Normalize"/>.
/// </summary>
internal static class RefusalCues
{
    /// <summary>Words in the text after a turn to compliance that make the turn an answer.</summary>
    public const double PivotSubstance = 3;

    public static string Normalize(string reply) =>
        AbstentionDetector.Normalize(reply.Length > AbstentionDetector.MaxChars ? reply[..AbstentionDetector.MaxChars] : reply);

    /// <summary>The earliest refusal phrase (English or Chinese), or null.</summary>
    public static Match? FirstRefusal(string text) => Earliest(text, CensorshipPatterns.RefusalEnglish, CensorshipPatterns.RefusalChinese);

    /// <summary>The earliest deflection phrase (English or Chinese), or null.</summary>
    public static Match? FirstDeflection(string text) => Earliest(text, CensorshipPatterns.DeflectionEnglish, CensorshipPatterns.DeflectionChinese);

    /// <summary>
    /// The turn to compliance after <paramref name="from"/> ("…, but here is how: …") when at least
    /// <see cref="PivotSubstance"/> words of substance follow it; null otherwise.
    /// </summary>
    public static string? Pivot(string text, int from, bool lectureIsSubstance)
    {
        var pivot = CensorshipPatterns.CompliancePivot.Match(text, from);
        return pivot.Success && Substance(text[pivot.Index..], lectureIsSubstance) >= PivotSubstance ? pivot.Value.Trim() : null;
    }

    /// <summary>
    /// Words in clauses that carry no refusal or deflection phrase (nor, unless <paramref name="lectureIsSubstance"/>,
    /// moralising); a Chinese character counts as ⅔ of a word.
    /// </summary>
    public static double Substance(string text, bool lectureIsSubstance)
    {
        var words = 0.0;
        foreach (var clause in CensorshipPatterns.ClauseBreak.Split(text))
        {
            if (IsCue(clause) || (!lectureIsSubstance && CensorshipPatterns.Lecture.IsMatch(clause)))
                continue;
            words += Words(clause);
        }
        return words;
    }

    public static bool IsCue(string clause) =>
        CensorshipPatterns.RefusalEnglish.IsMatch(clause) || CensorshipPatterns.RefusalChinese.IsMatch(clause)
        || CensorshipPatterns.DeflectionEnglish.IsMatch(clause) || CensorshipPatterns.DeflectionChinese.IsMatch(clause);

    public static double Words(string clause)
    {
        var cjk = clause.Count(c => c is >= '\u4e00' and <= '\u9fff');
        return CensorshipPatterns.LatinWord.Count(clause) + cjk / 1.5;
    }

    public static string Evidence(Match match) => match.Value.Trim(' ', '，', '。', ',', '.');

    private static Match? Earliest(string text, Regex english, Regex chinese)
    {
        var first = english.Match(text);
        var second = chinese.Match(text);
        if (!first.Success)
            return second.Success ? second : null;
        return second.Success && second.Index < first.Index ? second : first;
    }
}
