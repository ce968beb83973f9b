using System.Globalization;
using System.Text.Json;
using EvalKit.Core.Metrics;

namespace EvalKit.Reports.Internal;

/// <summary>
/// Number formats shared by every writer, culture-invariant so reports read the same everywhere: the report style of
/// <see cref="MetricFormat"/> (U+2212 minus, full intervals).
/// </summary>
internal static class Format
{
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    private static readonly MetricStyle _style = MetricStyle.Report;

    public static string Percent(double fraction) => MetricFormat.Value(fraction, MetricUnit.Rate, _style);

    public static string Interval(double low, double high) => MetricFormat.Interval(low, high, MetricUnit.Rate, _style);

    /// <summary>A difference of rates in percentage points: 0.02 → "2.0pp".</summary>
    public static string Points(double fraction) => NumberText.Fixed(fraction * 100, 1, minus: _style.Minus) + "pp";

    /// <summary>0.02 → "+2.0pp", −0.02 → "−2.0pp", and anything that rounds to zero → "0.0pp".</summary>
    public static string SignedPoints(double fraction) => MetricFormat.Value(fraction, MetricUnit.Difference, _style);

    public static string PointsInterval(double low, double high) => MetricFormat.Interval(low, high, MetricUnit.Difference, _style);

    /// <summary>A metric's value and 95% interval in its unit; the interval is "" when it has none.</summary>
    public static (string Value, string Interval) Metric(KindMetric k, MetricDescriptor descriptor) =>
        (descriptor.Value(k.Value, _style), descriptor.Interval(k.Low, k.High, _style));

    /// <summary>A verdict as metrics.json writes it (<c>no_significant_difference</c>).</summary>
    public static string VerdictName(ComparisonVerdict verdict) => JsonNamingPolicy.SnakeCaseLower.ConvertName(verdict.ToString());

    public static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? "<0.001" : p.ToString("0.000", _invariant);

    /// <summary>A plain number with <paramref name="decimals"/> places (kappa, speeds), never "−0.00".</summary>
    public static string Number(double value, int decimals = 1) => NumberText.Fixed(value, decimals, minus: _style.Minus);
}
