using EvalKit.Llama;

namespace EvalKit.Bench.Internal;

/// <summary>Turns BenchmarkDotNet's per-iteration times of the evaluation benchmark into rows.</summary>
internal static class EvalThroughputRows
{
    public static EvalThroughputResult Create(EvalThroughputCase benchCase, LlamaNativeLibrary native, IReadOnlyList<double> nanoseconds, IReadOnlyList<int> tokens)
    {
        var casesPerSecond = nanoseconds.Select(ns => benchCase.Cases / (ns / 1e9)).ToList();
        var tokensPerSecond = nanoseconds.Select((ns, i) => i < tokens.Count ? tokens[i] / (ns / 1e9) : double.NaN).ToList();
        return new EvalThroughputResult
        {
            Model = Path.GetFileNameWithoutExtension(benchCase.ModelPath),
            ModelPath = benchCase.ModelPath,
            Backend = native.Name,
            Threads = benchCase.Threads,
            Cases = benchCase.Cases,
            Parallel = benchCase.Parallel,
            Variant = benchCase.Variant,
            MaxTokens = benchCase.MaxTokens,
            SamplesNs = nanoseconds,
            SamplesCasesPerSecond = casesPerSecond,
            AvgCasesPerSecond = RateStatistics.Mean(casesPerSecond),
            StddevCasesPerSecond = RateStatistics.StandardDeviation(casesPerSecond),
            GeneratedTokens = tokens,
            AvgGeneratedTokensPerSecond = RateStatistics.Mean(tokensPerSecond),
        };
    }

    /// <summary>Sets the speedup and the greedy-output comparison on each parallel row that has a sequential row.</summary>
    public static List<EvalThroughputResult> WithSpeedups(IReadOnlyList<(EvalThroughputResult Row, IReadOnlyList<string> Texts)> rows) =>
    [
        .. rows.OrderBy(r => r.Row.ModelPath, StringComparer.Ordinal).ThenBy(r => r.Row.Parallel).Select(r =>
        {
            if (r.Row.Parallel == 1)
                return r.Row;
            var sequential = rows.FirstOrDefault(s => s.Row.Parallel == 1 && s.Row.ModelPath == r.Row.ModelPath && s.Row.Threads == r.Row.Threads);
            if (sequential.Row is null || sequential.Row.AvgCasesPerSecond <= 0)
                return r.Row;
            var differing = r.Texts.Where((text, i) => i >= sequential.Texts.Count || text != sequential.Texts[i]).Count();
            return r.Row with
            {
                SpeedupOverSequential = r.Row.AvgCasesPerSecond / sequential.Row.AvgCasesPerSecond,
                IdenticalToSequential = differing == 0 && r.Texts.Count == sequential.Texts.Count,
                DifferingCases = differing,
            };
        }),
    ];
}
