using EvalKit.Core.Statistics;

namespace EvalKit.Core.Metrics;

/// <summary>
/// One kind-specific metric (docs/metrics.md lists them all): its value, 95% interval, the number of samples
/// (or pairs) it rests on, and how the interval was computed (<c>wilson</c>, <c>newcombe</c> or <c>bootstrap</c>).
/// Values are NaN when there is nothing to compute them from.
/// </summary>
public sealed record KindMetric(double Value, double Low, double High, int N, string Interval)
{
    public static KindMetric Rate(int successes, int n)
    {
        var rate = RateEstimate.Wilson(successes, n);
        return new KindMetric(rate.Value, rate.Low, rate.High, n, "wilson");
    }

    public static KindMetric Difference(ProportionDifference difference) =>
        new(difference.Value, difference.Low, difference.High, difference.First.N + difference.Second.N, "newcombe");
}
