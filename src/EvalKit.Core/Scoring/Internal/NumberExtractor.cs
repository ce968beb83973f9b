using System.Globalization;
using System.Text.RegularExpressions;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>
/// GSM8K-style final-answer extraction: the first number after the last "####", else the first number on the
/// line after the last "answer is" / "answer:", else the last number in the text. "$1,234.50", "-5", "18 dollars",
/// "25%" (as 25) and "3/4" (as 0.75) are understood.
/// </summary>
internal static partial class NumberExtractor
{
    public static AnswerNumber? Find(string text)
    {
        var hashes = text.LastIndexOf("####", StringComparison.Ordinal);
        if (hashes >= 0 && First(text[(hashes + 4)..]) is { } afterHashes)
            return new AnswerNumber(afterHashes, "after ####");

        var statement = AnswerIs.Match(text);
        if (statement.Success)
        {
            var rest = text[(statement.Index + statement.Length)..];
            var lineEnd = rest.IndexOf('\n');
            if (First(lineEnd < 0 ? rest : rest[..lineEnd]) is { } afterStatement)
                return new AnswerNumber(afterStatement, "after 'answer is'");
        }

        double? last = null;
        foreach (Match match in Number.Matches(text))
            last = Parse(match) ?? last;
        return last is { } value ? new AnswerNumber(value, "last number") : null;
    }

    private static double? First(string text)
    {
        foreach (Match match in Number.Matches(text))
        {
            if (Parse(match) is { } value)
                return value;
        }
        return null;
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
        @"(?:(?<![\w)])(?<neg>[-−]))?\$?(?<num>[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:/(?<den>[0-9]+))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex Number { get; }

    [GeneratedRegex(@"answer\s*(?:is|:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.RightToLeft)]
    private static partial Regex AnswerIs { get; }
}
