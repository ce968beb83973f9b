using System.Globalization;
using EvalKit.Core.Metrics;

namespace EvalKit.Reports.Internal;

/// <summary>Number formats shared by every writer, culture-invariant so reports read the same everywhere.</summary>
internal static class Format
{
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    public static string Percent(double fraction) => double.IsNaN(fraction) ? "n/a" : (fraction * 100).ToString("0.0", _invariant) + "%";

    public static string Interval(double low, double high) =>
        double.IsNaN(low) ? "" : $"[{(low * 100).ToString("0.0", _invariant)}, {(high * 100).ToString("0.0", _invariant)}]";

    /// <summary>A difference of rates in percentage points: 0.02 → "2.0pp".</summary>
    public static string Points(double fraction) => (fraction * 100).ToString("0.0", _invariant) + "pp";

    public static string SignedPoints(double fraction) =>
        double.IsNaN(fraction) ? "n/a" : (fraction >= 0 ? "+" : "−") + Points(Math.Abs(fraction));

    public static string PointsInterval(double low, double high) =>
        double.IsNaN(low) ? "" : $"[{SignedPoints(low)}, {SignedPoints(high)}]";

    /// <summary>A signed number on its own scale (a bias score in [−1, 1]): 0.333 → "+0.33".</summary>
    public static string Signed(double value) => double.IsNaN(value) ? "n/a" : value.ToString("+0.00;−0.00;0.00", _invariant);

    public static string SignedInterval(double low, double high) => double.IsNaN(low) ? "" : $"[{Signed(low)}, {Signed(high)}]";

    /// <summary>A kind metric's value and 95% interval in its unit (<see cref="KindMetricLabels.Unit"/>); the interval is "" when it has none.</summary>
    public static (string Value, string Interval) Kind(KindMetric k, KindMetricUnit unit) => unit switch
    {
        KindMetricUnit.Rate => (Percent(k.Value), Interval(k.Low, k.High)),
        KindMetricUnit.Difference => (SignedPoints(k.Value), PointsInterval(k.Low, k.High)),
        _ => (Signed(k.Value), SignedInterval(k.Low, k.High)),
    };

    public static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? "<0.001" : p.ToString("0.000", _invariant);

    public static string Number(double value, string format = "0.0") => double.IsNaN(value) ? "n/a" : value.ToString(format, _invariant);
}
