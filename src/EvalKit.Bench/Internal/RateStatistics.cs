namespace EvalKit.Bench.Internal;

/// <summary>llama-bench's statistics: the mean of per-repetition rates and their sample (N−1) standard deviation.</summary>
internal static class RateStatistics
{
    public static double Mean(IReadOnlyList<double> values) => values.Count == 0 ? double.NaN : values.Average();

    /// <summary>Sample standard deviation (divides by N−1); 0 for fewer than two values, as llama-bench.</summary>
    public static double StandardDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2)
            return 0;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
