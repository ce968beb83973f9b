using System.Net;
using System.Text;
using EvalKit.Core.Metrics;

namespace EvalKit.Reports.Internal.Html;

/// <summary>HTML building blocks. Every piece of data goes through <see cref="E"/>; markup is only ever our own constants.</summary>
internal static class HtmlText
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A table: header cells and rows are already-encoded HTML fragments.</summary>
    public static void Table(StringBuilder html, string cssClass, IEnumerable<string> header, IEnumerable<IEnumerable<string>> rows)
    {
        html.Append($"<table class=\"{cssClass}\"><thead><tr>");
        foreach (var cell in header)
            html.Append("<th>").Append(cell).Append("</th>");
        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
                html.Append("<td>").Append(cell).Append("</td>");
            html.Append("</tr>");
        }
        html.AppendLine("</tbody></table>");
    }

    public static string Verdict(ComparisonVerdict verdict)
    {
        var name = Format.VerdictName(verdict);
        return $"<span class=\"verdict {E(name)}\">{E(name.Replace('_', ' '))}</span>";
    }

    /// <summary>A link to the drill-down with a filter in the URL hash; each value is URI- then HTML-encoded.</summary>
    public static string DrillLink(string text, params (string Key, string Value)[] filter) =>
        $"<a href=\"#{E(string.Join("&", filter.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}")))}\">{E(text)}</a>";
}
