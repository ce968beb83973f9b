using System.Globalization;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Scoring;

/// <summary>One option a scorer accepts: its name, what a valid value looks like, and the check.</summary>
public sealed record ScorerOption(string Name, string Expects, Func<string, bool> Accepts)
{
    public static ScorerOption Flag(string name) =>
        new(name, "true or false", value => value.Equals("true", StringComparison.OrdinalIgnoreCase)
            || value.Equals("false", StringComparison.OrdinalIgnoreCase));

    public static ScorerOption Text(string name, string expects) =>
        new(name, expects, value => value.Trim().Length > 0);

    public static ScorerOption NonNegativeNumber(string name) =>
        new(name, "a number, 0 or more (like 0.01)", value => ParseNumber(value) is >= 0);

    public static ScorerOption PositiveNumber(string name) =>
        new(name, "a number above 0 (like 2.5)", value => ParseNumber(value) is > 0);

    public static ScorerOption PositiveWholeNumber(string name) =>
        new(name, "a whole number above 0", value => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0);

    /// <summary>The option's value as a number; <paramref name="fallback"/> when it is absent.</summary>
    public static double Number(ScorerSpec spec, string name, double fallback) =>
        spec.Option(name) is { } value && ParseNumber(value) is { } number ? number : fallback;

    private static double? ParseNumber(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : null;
}
