namespace EvalKit.Core.Statistics;

/// <summary>
/// The difference of two independent proportions, first − second, with Newcombe's hybrid score interval
/// (Newcombe 1998, "Interval estimation for the difference between independent proportions", Statistics in
/// Medicine 17:873–890, method 10): with Wilson limits (l₁, u₁) and (l₂, u₂), the 95% interval is
/// d − √((p₁ − l₁)² + (u₂ − p₂)²) to d + √((u₁ − p₁)² + (p₂ − l₂)²). It stays inside [−1, 1] and behaves at small n
/// and at rates of 0 or 1, where the Wald interval does not.
/// </summary>
public sealed record ProportionDifference(double Value, double Low, double High, RateEstimate First, RateEstimate Second)
{
    public static ProportionDifference Newcombe(int firstSuccesses, int firstN, int secondSuccesses, int secondN)
    {
        var first = RateEstimate.Wilson(firstSuccesses, firstN);
        var second = RateEstimate.Wilson(secondSuccesses, secondN);
        if (firstN == 0 || secondN == 0)
            return new ProportionDifference(double.NaN, double.NaN, double.NaN, first, second);
        var difference = first.Value - second.Value;
        var below = Math.Sqrt(Square(first.Value - first.Low) + Square(second.High - second.Value));
        var above = Math.Sqrt(Square(first.High - first.Value) + Square(second.Value - second.Low));
        return new ProportionDifference(difference, difference - below, difference + above, first, second);
    }

    private static double Square(double x) => x * x;
}
