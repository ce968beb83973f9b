using System.Text;
using System.Text.RegularExpressions;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>Answer normalisation in the style of the SQuAD evaluation script (lower, no punctuation, no articles, single spaces).</summary>
internal static partial class TextNormalizer
{
    public static string Normalize(
        string text, bool ignoreCase, bool collapseWhitespace, bool stripPunctuation, bool stripArticles)
    {
        if (ignoreCase)
            text = text.ToLowerInvariant();
        if (stripPunctuation)
            text = StripPunctuation(text);
        if (stripArticles)
            text = Article.Replace(text, "");
        if (collapseWhitespace)
            text = Whitespace.Replace(text, " ");
        return text.Trim();
    }

    /// <summary>All four normalisations on; what SQuAD's <c>normalize_answer</c> does.</summary>
    public static string Squad(string text) => Normalize(text, true, true, true, true);

    public static string CollapseWhitespace(string text) => Whitespace.Replace(text, " ").Trim();

    // SQuAD strips Python's string.punctuation, which includes symbols such as $ + < = > ^ ` | ~.
    private static string StripPunctuation(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsPunctuation(c) && !char.IsSymbol(c))
                builder.Append(c);
        }
        return builder.ToString();
    }

    // The following whitespace goes too, so "visit the tower" becomes "visit tower" even with collapsing off.
    [GeneratedRegex(@"\b(?:a|an|the)\b\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Article { get; }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace { get; }
}
