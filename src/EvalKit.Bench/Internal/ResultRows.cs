using EvalKit.Llama;
using EvalKit.Llama.Gguf;

namespace EvalKit.Bench.Internal;

/// <summary>Turns BenchmarkDotNet's per-iteration times into llama-bench rows.</summary>
internal static class ResultRows
{
    public static BenchResult Create(
        BenchCase benchCase, GgufModelSummary model, (string Type, long Size, long Params)? loaded, LlamaNativeLibrary native,
        IReadOnlyList<double> nanoseconds, IReadOnlyList<(TimeSpan FirstToken, int Tokens)> extras)
    {
        var tokens = extras.Count == nanoseconds.Count ? extras.Select(e => e.Tokens).ToList() : [.. nanoseconds.Select(_ => benchCase.Tokens)];
        var rates = nanoseconds.Select((ns, i) => tokens[i] / (ns / 1e9)).ToList();
        var ttft = extras.Select(e => e.FirstToken.TotalMilliseconds).ToList();
        return new BenchResult
        {
            Model = Path.GetFileNameWithoutExtension(benchCase.ModelPath),
            ModelPath = benchCase.ModelPath,
            SizeBytes = model.FileSize,
            Params = model.ParameterCount,
            Backend = native.Name,
            ModelType = loaded?.Type ?? model.Architecture ?? "",
            ModelSize = loaded?.Size ?? model.FileSize,
            Threads = benchCase.Threads,
            NBatch = benchCase.BatchSize,
            NUbatch = Math.Min(benchCase.UBatchSize, benchCase.BatchSize),
            NGpuLayers = benchCase.GpuLayers ?? -1,
            Test = benchCase.TestName,
            NPrompt = benchCase.PromptTokens,
            NGen = benchCase.GeneratedTokens,
            NDepth = benchCase.Depth,
            Variant = benchCase.Variant,
            SamplesNs = nanoseconds,
            SamplesTs = rates,
            AvgTs = RateStatistics.Mean(rates),
            StddevTs = RateStatistics.StandardDeviation(rates),
            TtftMs = ttft,
            AvgTtftMs = ttft.Count == 0 ? 0 : ttft.Average(),
            Tokens = tokens,
        };
    }

    /// <summary>Sets <see cref="BenchResult.RelativeToBare"/> on each evalkit row that has a matching bare row.</summary>
    public static List<BenchResult> WithRatios(IEnumerable<BenchResult> results)
    {
        var list = results.ToList();
        return
        [
            .. list.Select(r =>
            {
                if (r.Variant != BenchCase.EvalKitVariant)
                    return r;
                var bare = list.FirstOrDefault(b => b.Variant == BenchCase.BareVariant && b.ModelPath == r.ModelPath && b.Test == r.Test && b.Threads == r.Threads
                    && b.NBatch == r.NBatch && b.NUbatch == r.NUbatch && b.NGpuLayers == r.NGpuLayers);
                return bare is null || bare.AvgTs <= 0 ? r : r with { RelativeToBare = r.AvgTs / bare.AvgTs };
            }),
        ];
    }
}
