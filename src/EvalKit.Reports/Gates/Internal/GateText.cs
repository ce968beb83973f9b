using System.Globalization;
using System.Text.RegularExpressions;
using EvalKit.Core;
using EvalKit.Core.Internal;
using EvalKit.Core.Kinds;

namespace EvalKit.Reports.Gates.Internal;

/// <summary>The gate mini-language shared by the command-line flags and the gates file.</summary>
internal static partial class GateText
{
    public const string FailIfOption = "--fail-if";
    public const string MaxRegressionOption = "--max-regression";
    public const string RefusalOption = "--max-refusal-differential";

    /// <summary>The default metric of every built-in suite kind.</summary>
    public static IReadOnlyList<string> MetricNames { get; } = SuiteKindCatalog.Default.DefaultMetricNames;

    public static GateSpec ParseFailIf(string text)
    {
        var match = FailIfPattern().Match(text);
        if (!match.Success)
            throw Errors.BadOption(FailIfOption, text, "Write [SUITE.]METRIC OP VALUE, e.g. \"accuracy < 0.70\" or \"demo-accuracy.accuracy < 70%\" (OP is <, <=, > or >=).");
        var (suite, metric) = Target(FailIfOption, text, match.Groups["target"].Value);
        return new GateSpec
        {
            Kind = GateKind.FailIf,
            Text = text.Trim(),
            Suite = suite,
            Metric = metric,
            Operator = match.Groups["op"].Value,
            Threshold = Fraction(FailIfOption, text, match.Groups["value"].Value),
        };
    }

    public static GateSpec ParseMaxRegression(string text)
    {
        var parts = text.Split('=', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0)
            throw Errors.BadOption(MaxRegressionOption, text, "Write [SUITE.]METRIC=AMOUNT, e.g. accuracy=2pp (two percentage points), accuracy=0.02 or demo-accuracy.accuracy=5%.");
        var (suite, metric) = Target(MaxRegressionOption, text, parts[0]);
        return new GateSpec
        {
            Kind = GateKind.MaxRegression,
            Text = text.Trim(),
            Suite = suite,
            Metric = metric,
            Threshold = Fraction(MaxRegressionOption, text, parts[1]),
        };
    }

    public static GateSpec ParseRefusalDifferential(string text) => new()
    {
        Kind = GateKind.MaxRefusalDifferential,
        Text = text.Trim(),
        Threshold = Fraction(RefusalOption, text, text),
    };

    private static (string? Suite, string Metric) Target(string option, string text, string target)
    {
        var dot = target.LastIndexOf('.');
        var suite = dot > 0 ? target[..dot] : null;
        var metric = dot > 0 ? target[(dot + 1)..] : target;
        if (!MetricNames.Contains(metric))
            throw Errors.BadOption(option, text,
                $"Unknown metric '{metric}'.{Suggestions.DidYouMean(metric, MetricNames)} Metrics: {string.Join(", ", MetricNames)}.");
        return (suite, metric);
    }

    /// <summary>0.7, 70% and 70pp all mean 0.7; a bare number above 1 is refused rather than guessed at.</summary>
    private static double Fraction(string option, string text, string value)
    {
        var trimmed = value.Trim();
        var scale = 1.0;
        if (trimmed.EndsWith("pp", StringComparison.OrdinalIgnoreCase))
            (trimmed, scale) = (trimmed[..^2], 0.01);
        else if (trimmed.EndsWith('%'))
            (trimmed, scale) = (trimmed[..^1], 0.01);
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            throw Errors.BadOption(option, text, $"'{value.Trim()}' is not a number; write a fraction (0.7) or a percentage (70% or 70pp).");
        var fraction = number * scale;
        if (fraction is < 0 or > 1)
            throw Errors.BadOption(option, text, $"'{value.Trim()}' is outside 0..1; rates are fractions (0.7) or percentages (70%).");
        return fraction;
    }

    [GeneratedRegex(@"^\s*(?<target>[^\s<>=]+)\s*(?<op><=|>=|<|>)\s*(?<value>\S+)\s*$")]
    private static partial Regex FailIfPattern();
}
