namespace EvalKit.Core.Metrics;

/// <summary>
/// A metric as data: its name in <c>metrics.json</c>, the short label summaries show, the unit its value reads in,
/// and which way is better (null when neither is: a bias score is best at 0). Each suite kind lists its own
/// (<see cref="Kinds.ISuiteKind"/>); every writer formats through <see cref="Value"/> and <see cref="Interval"/>.
/// </summary>
public sealed record MetricDescriptor(string Name, string Label, MetricUnit Unit, bool? HigherIsBetter)
{
    /// <summary>A metric no kind describes: it reads as its name, as a plain number.</summary>
    public static MetricDescriptor Plain(string name) => new(name, name, MetricUnit.Score, null);

    public string Value(double value, MetricStyle style) => MetricFormat.Value(value, Unit, style);

    public string Interval(double low, double high, MetricStyle style) => MetricFormat.Interval(low, high, Unit, style);
}
