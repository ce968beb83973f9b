namespace EvalKit.Bench.Load.Internal;

/// <summary>
/// When each request of an open-loop level is sent, as vLLM's benchmark_serving draws them: gaps from a gamma
/// distribution with shape <c>burstiness</c> and mean 1/rate (burstiness 1 is a Poisson process: exponential gaps;
/// below 1 burstier, above 1 more even); an infinite rate sends every request at once.
/// </summary>
internal static class ArrivalSchedule
{
    /// <returns>Seconds from the start of the level at which each request is sent, in order; the first at its gap.</returns>
    public static double[] Create(int count, double rate, double burstiness, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burstiness);
        var times = new double[count];
        if (double.IsPositiveInfinity(rate))
            return times;
        var random = new Random(seed);
        var scale = 1 / (rate * burstiness);
        var clock = 0.0;
        for (var i = 0; i < count; i++)
            times[i] = clock += Gamma(random, burstiness) * scale;
        return times;
    }

    /// <summary>A Gamma(shape, 1) draw by Marsaglia and Tsang's method (boosted for shape below 1).</summary>
    private static double Gamma(Random random, double shape)
    {
        if (shape < 1)
            return Gamma(random, shape + 1) * Math.Pow(1 - random.NextDouble(), 1 / shape);
        var d = shape - 1.0 / 3;
        var c = 1 / Math.Sqrt(9 * d);
        while (true)
        {
            double x, v;
            do
            {
                x = Normal(random);
                v = 1 + c * x;
            }
            while (v <= 0);
            v = v * v * v;
            var u = 1 - random.NextDouble();
            if (Math.Log(u) < 0.5 * x * x + d - d * v + d * Math.Log(v))
                return d * v;
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
