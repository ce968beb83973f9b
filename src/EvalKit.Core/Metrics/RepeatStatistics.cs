using EvalKit.Core.Results;
using EvalKit.Core.Statistics;

namespace EvalKit.Core.Metrics;

/// <summary>Statistics over the repeats of each case: pass@k and per-case variance. Failed requests are left out.</summary>
public static class RepeatStatistics
{
    /// <summary>The k values reported, each only when every case has at least k scored samples.</summary>
    public static IReadOnlyList<int> Ks { get; } = [1, 5, 10];

    /// <summary>
    /// pass@k averaged over cases, with the unbiased estimator of Chen et al. 2021 per case (n scored samples,
    /// c of them correct, i.e. score ≥ 0.5). Empty when there are no scored samples.
    /// </summary>
    public static IReadOnlyDictionary<int, double> PassAtK(IEnumerable<SampleRecord> samples)
    {
        var cases = ByCase(samples).Select(g => (N: g.Count, C: g.Count(s => s.Score >= 0.5))).ToList();
        if (cases.Count == 0)
            return new Dictionary<int, double>();
        var fewest = cases.Min(c => c.N);
        return Ks.Where(k => k <= fewest)
            .ToDictionary(k => k, k => cases.Average(c => Statistics.PassAtK.Estimate(c.N, c.C, k)));
    }

    /// <summary>Variance across repeats; null when no case has two scored repeats.</summary>
    public static RepeatVariance? Variance(IEnumerable<SampleRecord> samples)
    {
        var repeated = ByCase(samples).Where(g => g.Count >= 2).ToList();
        if (repeated.Count == 0)
            return null;
        return new RepeatVariance
        {
            Repeats = repeated.Max(g => g.Count),
            Cases = repeated.Count,
            MeanCaseStdDev = repeated.Average(g => StdDev(g.Select(s => s.Score).ToList())),
            ScoreChangedRate = repeated.Count(g => g.Select(s => s.Score).Distinct().Count() > 1) / (double)repeated.Count,
            CompletionChangedRate = repeated.Count(g => g.Select(s => s.Completion).Distinct(StringComparer.Ordinal).Count() > 1)
                / (double)repeated.Count,
        };
    }

    private static List<List<SampleRecord>> ByCase(IEnumerable<SampleRecord> samples) =>
        samples.Where(s => s.Error is null).GroupBy(s => s.CaseId, StringComparer.Ordinal).Select(g => g.ToList()).ToList();

    private static double StdDev(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
