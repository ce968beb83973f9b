using System.Text;

namespace EvalKit.Reports.Internal;

/// <summary>
/// Makes untrusted text inert in GitHub-flavoured Markdown: no formatting, no HTML, no links (not even autolinks),
/// no table breaks. Newlines become spaces so one value stays in one table cell.
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return "";
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\r' or '\n' or '\t': builder.Append(' '); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                // ':' and '@' start autolinks (http://…, a@b.c); as entities they render the same but link nothing.
                case ':': builder.Append("&#58;"); break;
                case '@': builder.Append("&#64;"); break;
                case '.' when i >= 3 && text.AsSpan(i - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase): builder.Append("&#46;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '!' or '|' or '~' or '+' or '{' or '}':
                    builder.Append('\\').Append(c);
                    break;
                default: builder.Append(c); break;
            }
        }
        return builder.ToString();
    }

    /// <summary>A table row from already-escaped cells.</summary>
    public static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";
}
