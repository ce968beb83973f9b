using System.Globalization;

namespace EvalKit.Core.Metrics;

/// <summary>
/// Fixed-point number text for every output (console table, summary.md, index.html, gate reasons), culture-invariant,
/// that never prints a negative zero: a value that rounds to zero at the shown precision (−0.001 at two decimals, or
/// −0.0 itself) is written unsigned, "0.00", not "-0.00".
/// </summary>
public static class NumberText
{
    /// <summary>The value rounded to <paramref name="decimals"/> places; "n/a" for NaN.</summary>
    /// <param name="plus">Write "+" before a positive value (signed differences and scores).</param>
    /// <param name="minus">The minus sign: "-" on the console, "−" (U+2212) in HTML and Markdown.</param>
    public static string Fixed(double value, int decimals, bool plus = false, string minus = "-")
    {
        if (double.IsNaN(value))
            return "n/a";
        var magnitude = Math.Abs(value).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var zero = !magnitude.Any(c => c is >= '1' and <= '9');
        return (zero ? "" : value < 0 ? minus : plus ? "+" : "") + magnitude;
    }
}
