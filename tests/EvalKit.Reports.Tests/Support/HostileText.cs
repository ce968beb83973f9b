namespace EvalKit.Reports.Tests.Support;

/// <summary>Answers a hostile model might give. The ones that would run set <c>window.__evalkitInjected</c>, which the page reports.</summary>
internal static class HostileText
{
    public const string Script = "<script>alert(1)</script>";
    public const string ScriptMarker = "<script>window.__evalkitInjected=1</script>";
    public const string Image = "<img src=x onerror=alert(1)>";
    public const string ImageMarker = "<img src=x onerror=\"window.__evalkitInjected=1\">";
    public const string MarkdownLink = "[x](http://evil)";
    public const string Textarea = "</textarea><b>bold</b>";

    public static IReadOnlyList<string> All { get; } = [Script, ScriptMarker, Image, ImageMarker, MarkdownLink, Textarea];
}
