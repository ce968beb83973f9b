using System.Globalization;
using System.Text;
using System.Xml;

namespace EvalKit.Reports.Internal;

/// <summary>
/// Characters XML 1.0 forbids (control characters but tab, newline and carriage return; lone surrogates; U+FFFE/U+FFFF)
/// cannot be escaped in XML at all, so they are written as visible text (<c>\x1b</c>): a model name or answer holding
/// them still gives a well-formed junit.xml or SVG instead of a crash.
/// </summary>
internal static class XmlText
{
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
            return text ?? "";
        var clean = (StringBuilder?)null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c);
            var valid = pair || XmlConvert.IsXmlChar(c);
            if (!valid)
                clean ??= new StringBuilder(text, 0, i, text.Length + 16);
            if (clean is not null)
            {
                if (valid)
                    clean.Append(text, i, pair ? 2 : 1);
                else
                    clean.Append(c <= '\u00ff' ? "\\x" : "\\u").Append(((int)c).ToString(c <= '\u00ff' ? "x2" : "x4", CultureInfo.InvariantCulture));
            }
            if (pair)
                i++;
        }
        return clean?.ToString() ?? text;
    }
}
