namespace EvalKit.Reports.Internal.Charts;

/// <summary>A value with its 95% interval, as charts draw it (NaN when there is no data).</summary>
internal readonly record struct Estimate(double Value, double Low, double High)
{
    public static Estimate From(EvalKit.Core.Statistics.RateEstimate e) => new(e.Value, e.Low, e.High);

    public static Estimate Missing { get; } = new(double.NaN, double.NaN, double.NaN);
}

/// <summary>One model's values over a chart's categories.</summary>
internal sealed record Series(string Name, IReadOnlyList<Estimate> Values);
