using System.Text.RegularExpressions;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>
/// Finds the letter a multiple-choice reply chose. Evidence is tried from strongest to weakest and the first
/// kind that yields a valid letter wins: the whole reply is a letter ("B", "(B)", "**B**"), then the LAST answer
/// statement (<see cref="AnswerStatements"/>: "The answer is (B)", "I'd say B", "Correct option: C", "答案是B"),
/// then the last tentative one ("it could be B"), then marked letters ("B) Paris", "[B]", "B. Paris"), and finally the text of one choice. One statement naming
/// several letters ("A or B"), or several different marked letters, makes the reply ambiguous.
/// </summary>
internal static partial class ChoiceExtractor
{
    public static ChoiceFinding Find(string reply, IReadOnlyList<string> choices)
    {
        var count = Math.Min(choices.Count, 26);
        if (count == 0)
            return ChoiceFinding.None;
        var last = (char)('A' + count - 1);
        reply = FullWidth.Replace(reply, m => ((char)(m.Value[0] - 'Ａ' + 'A')).ToString());

        bool Valid(Capture capture) =>
            char.ToUpperInvariant(capture.Value[0]) <= last && AnswerStatements.StandsAlone(reply, capture.Index);

        ChoiceFinding? AllLetters(string evidence, params Regex[] patterns)
        {
            var letters = new SortedSet<char>();
            foreach (var pattern in patterns)
            {
                foreach (Match match in pattern.Matches(reply))
                {
                    var group = match.Groups["l"];
                    if (Valid(group))
                        letters.Add(char.ToUpperInvariant(group.Value[0]));
                }
            }
            return letters.Count > 0 ? new ChoiceFinding([.. letters], evidence) : null;
        }

        return AllLetters("the whole reply", WholeReply)
            ?? LastStatement(reply, Valid, AnswerStatements.All)
            ?? LastStatement(reply, Valid, AnswerStatements.Tentative)
            ?? AllLetters("a marked letter", Parenthesised, Bracketed, Bold, ClosingParenthesis, Leading)
            ?? ChoiceText(reply, choices, count);
    }

    // The statement whose first valid letter comes last; its letters (one, or several for "A or B").
    private static ChoiceFinding? LastStatement(string reply, Func<Capture, bool> valid, IReadOnlyList<Regex> patterns)
    {
        var position = -1;
        var letters = new SortedSet<char>();
        foreach (var pattern in patterns)
        {
            foreach (Match match in pattern.Matches(reply))
            {
                var captures = match.Groups["l"].Captures.Where(valid).ToList();
                if (captures.Count == 0 || captures[0].Index < position)
                    continue;
                if (captures[0].Index > position)
                    letters.Clear();
                position = captures[0].Index;
                foreach (var capture in captures)
                    letters.Add(char.ToUpperInvariant(capture.Value[0]));
            }
        }
        return letters.Count > 0 ? new ChoiceFinding([.. letters], "an answer statement") : null;
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

    [GeneratedRegex("[Ａ-Ｚ]")]
    private static partial Regex FullWidth { get; }

    [GeneratedRegex(@"^[\s*_""'`(\[]*(?:(?:option|choice|answer|letter)[\s:]*)?[(\[*]*(?<l>[a-z])(?![a-z0-9])[\s*_""'`)\].:,!。]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholeReply { get; }

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
