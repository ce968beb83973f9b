using System.Text.RegularExpressions;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>
/// The grammar of a multiple-choice answer statement: a cue, optional filler, then a letter or a list of letters
/// ("A or B", "A, C"). Cues are answer nouns ("the answer is", "Correct option: C", "my guess would be", and the
/// answer prefixes of simple-evals' multilingual list such as "Réponse :", "答案："), choosing verbs ("I'd pick",
/// "going with", never after "not"), opinions ("I'd say", "I think", "it's", "must be", "probably"), a letter
/// declared right ("B is correct", "C is the best answer", "B是正确的"), and <c>\boxed{B}</c>. Hedges before a cue
/// ("I'm not sure, but I'd say B") change nothing; a negation between cue and letter ("it's not A") breaks it.
/// </summary>
internal static partial class AnswerStatements
{
    private const RegexOptions Loose = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private const string Open = @"[\s:：(\[*_""'`“‘（【]{0,8}";
    private const string Close = @"[)\]*_""'`”’）】]{0,8}";
    private const string One = @"(?<l>[a-z])(?![a-z0-9])";

    // A following letter joined by "or", "and", "/" or a comma, unless it starts a new clause ("B, and C is wrong").
    private const string Letters = Open + One + Close
        + @"(?:\s{0,4}(?:,|/|&|\bor\b|\band\b|或|和|、)\s{0,4}(?:(?:option|choice)\s{1,4})?[(\[*]{0,4}" + One + Close
        + @"(?!\s{1,4}(?:is|was|are|isn't|wasn't|seems|looks|would|could|can|might|may|has|does|doesn't)\b)){0,6}";

    private const string Filler = @"(?:(?:it'?s|either|it\s{1,4}is|that'?s|that\s{1,4}is|the\s{1,4}answer\s{1,4}is|probably|likely|definitely|clearly|actually|indeed|then|therefore|option|choice|letter|answer)\b" + Open + "){0,3}";

    /// <summary>Every definite statement pattern; each captures its letters in group <c>l</c>.</summary>
    public static IReadOnlyList<Regex> All { get; } = [Noun, Verb, Opinion, Declared, Chinese, Prefix, Boxed];

    /// <summary>
    /// Tentative statements ("it could be B", "might be A"): read only when the reply makes no definite one, so a hedge
    /// after an answer ("The answer is C, though it could be B") does not replace it.
    /// </summary>
    public static IReadOnlyList<Regex> Tentative { get; } = [Maybe];

    /// <summary>
    /// Whether the letter at <paramref name="index"/> is a choice rather than a word: a lowercase letter, or the
    /// words "A" and "I", only when punctuation, a line end, a capitalised word or a linking word ("because", "or",
    /// "is") follows: "answer: b" and "it's A because" yes, "it is a city" and "so I think" no.
    /// </summary>
    public static bool StandsAlone(string text, int index)
    {
        var letter = text[index];
        if (char.IsUpper(letter) && letter is not ('A' or 'I'))
            return true;
        var i = index + 1;
        if (i >= text.Length || ".,;:!?)]*_\"'`。，）】”’".Contains(text[i]))
            return true;
        while (i < text.Length && text[i] is ' ' or '\t')
            i++;
        if (i == text.Length || !char.IsLetter(text[i]))
            return true;
        var end = i;
        while (end < text.Length && end - i < 20 && char.IsLetter(text[end]))
            end++;
        var word = text[i..end];
        return Linking.Contains(word.ToLowerInvariant()) || (char.IsUpper(letter) && char.IsUpper(word[0]));
    }

    private static readonly HashSet<string> Linking =
    [
        "because", "since", "as", "for", "given", "which", "but", "and", "or", "though", "although", "so", "here",
        "is", "was", "seems", "looks", "would", "should", "must", "per", "from", "with", "then", "according",
    ];

    [GeneratedRegex(@"\b(?:answer|option|choice|letter|selection|pick|guess|response)s?(?:\s{1,4}(?:here|then|therefore|thus|overall))?"
        + @"\s{0,4}(?:\bis\b|\bwas\b|would\s{1,4}be|will\s{1,4}be|should\s{1,4}be|must\s{1,4}be|has\s{1,4}to\s{1,4}be|seems\s{1,4}to\s{1,4}be|appears\s{1,4}to\s{1,4}be|[:：=]|\s[-–—]\s)"
        + Open + Filler + Letters, Loose)]
    private static partial Regex Noun { get; }

    [GeneratedRegex(@"(?<!\b(?:not|never|don't|won't|wouldn't|didn't|can't|cannot)\s{1,4})\b(?:choose|chose|choosing|pick|picked|picking|select|selected|selecting"
        + @"|go\s{1,4}with|going\s{1,4}with|went\s{1,4}with|opt\s{1,4}for|opting\s{1,4}for|opted\s{1,4}for|settle\s{1,4}on|lean(?:ing)?\s{1,4}towards?|vote\s{1,4}for)\b"
        + Open + Filler + Letters, Loose)]
    private static partial Regex Verb { get; }

    [GeneratedRegex(@"\b(?:i(?:'d|\s{1,4}would|\s{1,4}will|'ll)?\s{1,4}(?:say|guess|answer)|i\s{1,4}(?:think|believe|guess|suspect|reckon|feel)"
        + @"|(?:it|that|this)(?:'s|\s{1,4}is|\s{1,4}would\s{1,4}be|\s{1,4}must\s{1,4}be|\s{1,4}should\s{1,4}be|\s{1,4}has\s{1,4}to\s{1,4}be|\s{1,4}seems\s{1,4}to\s{1,4}be)"
        + @"|(?:must|should|has\s{1,4}to|would)\s{1,4}be|probably|likely|definitely|therefore|thus|hence|so)\b"
        + Open + Filler + Letters, Loose)]
    private static partial Regex Opinion { get; }

    [GeneratedRegex(@"\b(?:(?:it|that|this)\s{1,4})?(?:might|could|may)\s{1,4}(?:also\s{1,4})?be\b" + Open + Filler + Letters, Loose)]
    private static partial Regex Maybe { get; }

    [GeneratedRegex(@"(?<![a-z0-9])(?:(?:option|choice|answer|letter)\s{1,4})?[(\[*]{0,4}(?<l>[a-z])(?![a-z0-9])[)\]*]{0,4}"
        + @"\s{1,4}(?:is|seems|appears|looks)\s{1,4}(?:to\s{1,4}be\s{1,4})?(?:the\s{1,4})?(?:most\s{1,4}|only\s{1,4})?(?:correct|right|best|true|accurate|appropriate|answer)\b", Loose)]
    private static partial Regex Declared { get; }

    [GeneratedRegex("(?:正确答案|最终答案|答案|选项|应选|应该选|我选|选择|选|答)(?:应该|应当|就|是|为|[：:\\s(\\[*（【]){0,8}" + Letters
        + "|(?<l>[a-z])(?![a-z0-9])[)）]?(?:项|选项)?(?:是)?(?:正确|对(?=[的。，！,.!\\s]|$))", Loose)]
    private static partial Regex Chinese { get; }

    [GeneratedRegex(@"(?:réponse|respuesta|resposta|antwort|risposta|jawaban|jibu|cevap|ответ|答え|回答|解答|정답|답변|उत्तर)\s{0,4}[:：]" + Letters, Loose)]
    private static partial Regex Prefix { get; }

    [GeneratedRegex(@"\\boxed\{\s{0,4}(?:\\text(?:bf)?\{\s{0,4})?" + One, Loose)]
    private static partial Regex Boxed { get; }
}
