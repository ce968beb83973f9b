using System.Globalization;
using EvalKit.Core.Metrics;

namespace EvalKit.Reports.Internal;

/// <summary>Number formats shared by every writer, culture-invariant so reports read the same everywhere.</summary>
internal static class Format
{
    private static readonly CultureInfo _invariant = CultureInfo.InvariantCulture;

    private const string Minus = "−";

    public static string Percent(double fraction) => double.IsNaN(fraction) ? "n/a" : NumberText.Fixed(fraction * 100, 1, minus: Minus) + "%";

    public static string Interval(double low, double high) =>
        double.IsNaN(low) ? "" : $"[{NumberText.Fixed(low * 100, 1, minus: Minus)}, {NumberText.Fixed(high * 100, 1, minus: Minus)}]";

    /// <summary>A difference of rates in percentage points: 0.02 → "2.0pp".</summary>
    public static string Points(double fraction) => NumberText.Fixed(fraction * 100, 1, minus: Minus) + "pp";

    /// <summary>0.02 → "+2.0pp", −0.02 → "−2.0pp", and anything that rounds to zero → "0.0pp".</summary>
    public static string SignedPoints(double fraction) =>
        double.IsNaN(fraction) ? "n/a" : NumberText.Fixed(fraction * 100, 1, plus: true, minus: Minus) + "pp";

    public static string PointsInterval(double low, double high) =>
        double.IsNaN(low) ? "" : $"[{SignedPoints(low)}, {SignedPoints(high)}]";

    /// <summary>A signed number on its own scale (a bias score in [−1, 1]): 0.333 → "+0.33".</summary>
    public static string Signed(double value) => NumberText.Fixed(value, 2, plus: true, minus: Minus);

    public static string SignedInterval(double low, double high) => double.IsNaN(low) ? "" : $"[{Signed(low)}, {Signed(high)}]";

    /// <summary>A kind metric's value and 95% interval in its unit (<see cref="KindMetricLabels.Unit"/>); the interval is "" when it has none.</summary>
    public static (string Value, string Interval) Kind(KindMetric k, KindMetricUnit unit) => unit switch
    {
        KindMetricUnit.Rate => (Percent(k.Value), Interval(k.Low, k.High)),
        KindMetricUnit.Difference => (SignedPoints(k.Value), PointsInterval(k.Low, k.High)),
        _ => (Signed(k.Value), SignedInterval(k.Low, k.High)),
    };

    public static string P(double p) => double.IsNaN(p) ? "n/a" : p < 0.001 ? "<0.001" : p.ToString("0.000", _invariant);

    /// <summary>A plain number with <paramref name="decimals"/> places (kappa, speeds), never "−0.00".</summary>
    public static string Number(double value, int decimals = 1) => NumberText.Fixed(value, decimals, minus: Minus);
}
