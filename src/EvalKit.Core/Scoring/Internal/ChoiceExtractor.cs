using System.Text.RegularExpressions;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>
/// Finds the letter a multiple-choice reply chose. Evidence is tried from strongest to weakest and the first
/// kind that yields a valid letter wins: the whole reply is a letter ("B", "(B)", "**B**"), an answer statement
/// ("The answer is (B)", "I would choose B", "答案是B"), a marked letter ("B) Paris", "[B]", "B. Paris"),
/// and finally the text of one choice. Several different letters of the winning kind make the reply ambiguous.
/// </summary>
internal static partial class ChoiceExtractor
{
    private const string Separators = @"[\s:(\[*""'“‘（【]*";
    private const string Letter = @"(?<l>[a-z])(?![a-z0-9])";
    private const RegexOptions Loose = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static ChoiceFinding Find(string reply, IReadOnlyList<string> choices)
    {
        var count = Math.Min(choices.Count, 26);
        if (count == 0)
            return ChoiceFinding.None;
        var last = (char)('A' + count - 1);

        ChoiceFinding? Tier(string evidence, params Regex[] patterns)
        {
            var letters = new SortedSet<char>();
            foreach (var pattern in patterns)
            {
                foreach (Match match in pattern.Matches(reply))
                {
                    var group = match.Groups["l"];
                    var letter = char.ToUpperInvariant(group.Value[0]);
                    if (letter <= last && (char.IsUpper(group.Value[0]) || StandsAlone(reply, group.Index + 1)))
                        letters.Add(letter);
                }
            }
            return letters.Count > 0 ? new ChoiceFinding([.. letters], evidence) : null;
        }

        return Tier("the whole reply", WholeReply)
            ?? Tier("an answer statement", AnswerIs, Chose, IsCorrect, ChineseAnswer)
            ?? Tier("a marked letter", Parenthesised, Bracketed, Bold, ClosingParenthesis, Leading)
            ?? ChoiceText(reply, choices, count);
    }

    private static ChoiceFinding ChoiceText(string reply, IReadOnlyList<string> choices, int count)
    {
        var normalizedReply = TextNormalizer.Squad(reply);
        var texts = choices.Take(count).Select(TextNormalizer.Squad).ToList();
        var equal = Indexes(texts, text => text == normalizedReply);
        if (equal.Count > 0)
            return new ChoiceFinding(equal, "the choice text");
        var padded = $" {normalizedReply} ";
        var contained = Indexes(texts, text => padded.Contains($" {text} ", StringComparison.Ordinal));
        return contained.Count > 0 ? new ChoiceFinding(contained, "a choice's text in the reply") : ChoiceFinding.None;
    }

    private static List<char> Indexes(List<string> texts, Func<string, bool> predicate) =>
        [.. texts.Select((text, index) => (text, index))
            .Where(pair => pair.text.Length > 0 && predicate(pair.text))
            .Select(pair => (char)('A' + pair.index))];

    // A lowercase letter is only a choice when nothing word-like follows it: "answer: b" yes, "answer is a city" no.
    private static bool StandsAlone(string text, int after)
    {
        if (after >= text.Length || ".,;:!?)]*\"'。，".Contains(text[after]))
            return true;
        var i = after;
        while (i < text.Length && text[i] is ' ' or '\t')
            i++;
        return i == text.Length || text[i] is '\n' or '\r';
    }

    [GeneratedRegex(@"^[\s*_""'`(\[]*(?:(?:option|choice|answer|letter)[\s:]*)?[(\[*]*" + Letter + @"[\s*_""'`)\].:,!。]*$", Loose)]
    private static partial Regex WholeReply { get; }

    [GeneratedRegex(@"\banswer(?:\s+(?:is|would\s+be|will\s+be|should\s+be|must\s+be)\b|\s*[:=])" + Separators
        + @"(?:(?:option|choice|letter)\b" + Separators + ")?" + Letter, Loose)]
    private static partial Regex AnswerIs { get; }

    [GeneratedRegex(@"\b(?:choose|chose|pick|picked|select|selected|go\s+with|going\s+with)\b" + Separators
        + @"(?:(?:option|choice|letter|answer)\b" + Separators + ")?" + Letter, Loose)]
    private static partial Regex Chose { get; }

    [GeneratedRegex(@"(?<![a-z0-9])(?<l>[a-z])\)?\s+is\s+(?:the\s+)?(?:correct|right)\b", Loose)]
    private static partial Regex IsCorrect { get; }

    [GeneratedRegex(@"(?:答案|选择|答|选)[是为：:\s(\[*（【]*" + Letter, Loose)]
    private static partial Regex ChineseAnswer { get; }

    [GeneratedRegex(@"\((?<l>[A-Z])\)")]
    private static partial Regex Parenthesised { get; }

    [GeneratedRegex(@"\[(?<l>[A-Z])\]")]
    private static partial Regex Bracketed { get; }

    [GeneratedRegex(@"\*\*(?<l>[A-Z])[.):]?\*\*")]
    private static partial Regex Bold { get; }

    [GeneratedRegex(@"(?<![\w(\[])(?<l>[A-Z])\)")]
    private static partial Regex ClosingParenthesis { get; }

    // "B. Paris", "B: Paris" or "B" alone on the first line; not "A cat is ...".
    [GeneratedRegex(@"^[\s*_#>]*(?<l>[A-Z])(?:[.:]|[ \t]*(?:\r?\n|$))")]
    private static partial Regex Leading { get; }
}
