namespace EvalKit.Reports.Internal.Charts;

/// <summary>A rendered chart: written as <c>chart-ID.svg</c> and <c>chart-ID.png</c>, embedded in the page as an image.</summary>
internal sealed record ChartImage(string Id, string Title, string Caption, string Svg, byte[] Png);
