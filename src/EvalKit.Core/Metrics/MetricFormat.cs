namespace EvalKit.Core.Metrics;

/// <summary>
/// The one formatting of metric values for every output (console table, summary.md, index.html, gate reasons):
/// a <see cref="MetricUnit.Rate"/> as a percentage (0.429 → "42.9%"), a <see cref="MetricUnit.Difference"/> in
/// signed percentage points ("+50.0pp"), a <see cref="MetricUnit.Score"/> signed on its own scale ("+0.33"). Never a
/// negative zero (<see cref="NumberText"/>); NaN reads "n/a", and an interval without bounds is "".
/// </summary>
public static class MetricFormat
{
    public static string Value(double value, MetricUnit unit, MetricStyle style)
    {
        if (double.IsNaN(value))
            return "n/a";
        var (scale, decimals, signed, suffix) = Shape(unit);
        return NumberText.Fixed(value * scale, decimals, plus: signed, minus: style.Minus) + suffix;
    }

    /// <summary>
    /// The 95% interval: compact <c>[lo–hi]</c> with whole percentages and no unit, or full <c>[lo, hi]</c> at the
    /// value's precision (percentage points keep their "pp").
    /// </summary>
    public static string Interval(double low, double high, MetricUnit unit, MetricStyle style)
    {
        if (double.IsNaN(low))
            return "";
        var (scale, decimals, signed, _) = Shape(unit);
        if (style.Compact)
        {
            var compact = scale == 1 ? decimals : 0;
            return $"[{NumberText.Fixed(low * scale, compact, signed, style.Minus)}–{NumberText.Fixed(high * scale, compact, signed, style.Minus)}]";
        }
        return unit == MetricUnit.Difference
            ? $"[{Value(low, unit, style)}, {Value(high, unit, style)}]"
            : $"[{NumberText.Fixed(low * scale, decimals, signed, style.Minus)}, {NumberText.Fixed(high * scale, decimals, signed, style.Minus)}]";
    }

    private static (double Scale, int Decimals, bool Signed, string Suffix) Shape(MetricUnit unit) => unit switch
    {
        MetricUnit.Rate => (100, 1, false, "%"),
        MetricUnit.Difference => (100, 1, true, "pp"),
        _ => (1, 2, true, ""),
    };
}
