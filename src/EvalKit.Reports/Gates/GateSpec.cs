using EvalKit.Reports.Gates.Internal;

namespace EvalKit.Reports.Gates;

/// <summary>
/// One quality gate as the user wrote it. <see cref="Metric"/> is a suite's default metric name
/// (<c>accuracy</c>, <c>correct_rate</c>, <c>unbiased_rate</c>, <c>answered_rate</c>); <see cref="Suite"/>, when set,
/// limits the gate to that suite id. Rates and thresholds are fractions (0.7 = 70%).
/// </summary>
public sealed record GateSpec
{
    public required GateKind Kind { get; init; }
    public required string Text { get; init; }
    public string? Metric { get; init; }
    public string? Suite { get; init; }

    /// <summary>For <see cref="GateKind.FailIf"/>: <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c>.</summary>
    public string? Operator { get; init; }

    public required double Threshold { get; init; }

    /// <summary>Parses <c>[SUITE.]METRIC OP VALUE</c>, e.g. <c>accuracy &lt; 0.70</c> or <c>demo-accuracy.accuracy &lt; 70%</c>.</summary>
    public static GateSpec FailIf(string text) => GateText.ParseFailIf(text);

    /// <summary>Parses <c>[SUITE.]METRIC=AMOUNT</c>, e.g. <c>accuracy=2pp</c>, <c>accuracy=0.02</c> or <c>accuracy=2%</c>.</summary>
    public static GateSpec MaxRegression(string text) => GateText.ParseMaxRegression(text);

    /// <summary>Parses a fraction such as <c>0.1</c> (or <c>10pp</c>, <c>10%</c>).</summary>
    public static GateSpec MaxRefusalDifferential(string text) => GateText.ParseRefusalDifferential(text);

    public override string ToString() => Kind switch
    {
        GateKind.FailIf => $"fail if {Text}",
        GateKind.MaxRegression => $"max regression {Text}",
        _ => $"max refusal differential {Text}",
    };
}
