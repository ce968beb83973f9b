using System.Globalization;
using System.Text;
using Spectre.Console;

namespace EvalKit.Cli.Output;

/// <summary>
/// Text from results, suites, datasets or a model (model names, suite and case ids, answers, error messages) made
/// safe for a terminal: control characters (C0 but tab and newline, DEL, C1) and the bidirectional overrides that
/// reorder what is shown are written as visible escapes (<c>\x1b</c>, <c>\u202e</c>), so nothing from a file can
/// move the cursor, recolour the screen, set the window title or ring the bell. Markup escaping alone is not enough:
/// Spectre passes control characters through.
/// </summary>
public static class TerminalText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        if (!text.Any(IsUnsafe))
            return text;
        var clean = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!IsUnsafe(c))
                clean.Append(c);
            else if (c <= '\u00ff')
                clean.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:x2}");
            else
                clean.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }
        return clean.ToString();
    }

    /// <summary><see cref="Clean"/>, then escaped for Spectre markup: for text placed inside <c>MarkupLine</c> or a table cell.</summary>
    public static string Escape(string? text) => Markup.Escape(Clean(text));

    private static bool IsUnsafe(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\t')
        || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069' or '\u200e' or '\u200f' or '\u061c';
}
