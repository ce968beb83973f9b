namespace EvalKit.Core.Metrics;

/// <summary>
/// Where a metric is written, as far as <see cref="MetricFormat"/> cares: the minus sign, and whether intervals are
/// compact (the console's narrow cells: <c>[21–67]</c>) or full (reports and gate reasons: <c>[21.4, 67.4]</c>).
/// </summary>
public sealed record MetricStyle(string Minus, bool Compact)
{
    /// <summary>The terminal: ASCII minus, compact intervals.</summary>
    public static MetricStyle Console { get; } = new("-", Compact: true);

    /// <summary>index.html, summary.md and gate reasons: U+2212 minus, intervals at the value's precision.</summary>
    public static MetricStyle Report { get; } = new("−", Compact: false);
}
