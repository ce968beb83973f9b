using EvalKit.Reports.Tests.Support;
using EvalKit.TestSupport;

namespace EvalKit.Reports.Tests;

public class ReportEscapingTests
{
    [Fact]
    public void Hostile_answers_appear_only_escaped_in_index_html()
    {
        // Given a demo run whose student answers with script tags, an onerror image, a Markdown link and </textarea>
        using var temp = new TempDir();
        var run = DemoRun.Write(temp.File("results"));

        // When the HTML report is written
        new HtmlReportWriter().Write(ReportData.FromRuns([RunData.Load(run)]), temp.File("report"));
        var html = File.ReadAllText(temp.File("report/index.html"));

        // Then no payload appears raw, and each is in the embedded data with < escaped
        foreach (var payload in HostileText.All.Where(p => p.Contains('<')))
            Assert.DoesNotContain(payload, html);
        Assert.Contains("\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\\u003C/textarea\\u003E", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(HostileText.MarkdownLink, html); // inert text inside JSON; the script renders it with textContent
        Assert.Equal(2, CountOf(html, "<script")); // the JSON data block and the one static script
    }

    [Fact]
    public void Hostile_answers_appear_only_escaped_in_summary_md()
    {
        // Given the demo run with hostile student answers (each one a case the teacher got right)
        using var temp = new TempDir();
        var run = DemoRun.Write(temp.File("results"));

        // When summary.md is written
        new MarkdownSummaryWriter().Write(ReportData.FromRuns([RunData.Load(run)]), temp.File("report"));
        var markdown = File.ReadAllText(temp.File("report/summary.md"));

        // Then the flip list shows them as text: no tag, no link
        Assert.Contains("&lt;script&gt;alert\\(1\\)&lt;/script&gt;", markdown);
        Assert.Contains("&lt;img src=x onerror=alert\\(1\\)&gt;", markdown);
        Assert.Contains("\\[x\\]\\(http&#58;//evil\\)", markdown);
        Assert.Contains("&lt;/textarea&gt;", markdown);
        Assert.DoesNotContain("<script", markdown);
        Assert.DoesNotContain("<img", markdown);
        Assert.DoesNotContain("</textarea", markdown);
        Assert.DoesNotContain("](http", markdown);
    }

    [Fact]
    public void Hostile_model_and_suite_names_are_encoded_in_html_and_markdown()
    {
        // Given a run whose model names are markup
        using var temp = new TempDir();
        var run = DemoRun.Write(temp.File("results"), teacher: "<b>teacher</b>", student: "[s](http://evil)|x");

        // When every writer runs
        var report = ReportData.FromRuns([RunData.Load(run)]);
        ReportWriterCatalog.WriteAll(report, temp.File("report"));
        var html = File.ReadAllText(temp.File("report/index.html"));
        var markdown = File.ReadAllText(temp.File("report/summary.md"));

        // Then the names are text everywhere
        Assert.DoesNotContain("<b>teacher</b>", html);
        Assert.Contains("&lt;b&gt;teacher&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>teacher</b>", markdown);
        Assert.DoesNotContain("](http", markdown);
        Assert.Contains("\\[s\\]\\(http&#58;//evil\\)\\|x", markdown);
    }

    [Fact]
    public void Summary_markdown_cells_escape_markup_links_and_newlines()
    {
        // Given text with every construct Markdown would render
        const string text = "a|b [x](http://evil) <img src=x> `code` *em* _u_ www.evil.com\nnext";

        // When it is escaped for a table cell
        var escaped = Internal.MarkdownText.Escape(text);

        // Then nothing is left to render and it stays on one line
        Assert.Equal("a\\|b \\[x\\]\\(http&#58;//evil\\) &lt;img src=x&gt; \\`code\\` \\*em\\* \\_u\\_ www&#46;evil.com next", escaped);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            count++;
        return count;
    }
}
