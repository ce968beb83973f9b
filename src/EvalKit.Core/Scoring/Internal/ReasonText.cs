using System.Text;

namespace EvalKit.Core.Scoring.Internal;

/// <summary>Short, printable quotes of untrusted text for a score's reason.</summary>
internal static class ReasonText
{
    private const int MaxQuoted = 60;

    /// <summary>The text in double quotes, cut to 60 characters, control characters and broken surrogates replaced.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        var length = Math.Min(text.Length, MaxQuoted);
        for (var i = 0; i < length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]))
                builder.Append(c).Append(text[++i]);
            else if (char.IsSurrogate(c))
                builder.Append('\uFFFD');
            else
                builder.Append(char.IsControl(c) ? ' ' : c);
        }
        if (text.Length > MaxQuoted)
            builder.Append('…');
        return builder.Append('"').ToString();
    }

    /// <summary>Up to three quoted items joined with commas, then "and N more".</summary>
    public static string QuoteList(IEnumerable<string> items)
    {
        var all = items.ToList();
        var shown = string.Join(", ", all.Take(3).Select(Quote));
        return all.Count > 3 ? $"{shown} and {all.Count - 3} more" : shown;
    }

    public static Score Unknown(string reason) => new(0, ScoreLabel.Unknown, reason);
}
