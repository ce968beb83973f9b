using EvalKit.Core.Metrics;

namespace EvalKit.Bench.Load.Internal;

/// <summary>Turns one level's request timings into a <see cref="LoadLevel"/>, with the definitions of docs/benchmarks.md.</summary>
internal static class LevelStatistics
{
    public static LoadLevel Summarise(int concurrency, IReadOnlyList<RequestTiming> timings, TimeSpan duration, ServiceLevelObjectives? slo = null)
    {
        var ok = timings.Where(t => t.Error is null).ToList();
        int? metSlo = slo is null ? null : ok.Count(t => slo.IsMetBy(t.TtftMs, SampleTimings.TimePerOutputTokenMs(t.E2eMs, t.TtftMs ?? 0, t.OutputTokens), t.E2eMs));
        var seconds = duration.TotalSeconds;
        var promptTokens = ok.Sum(t => (long)t.PromptTokens);
        var outputTokens = ok.Sum(t => (long)t.OutputTokens);
        return new LoadLevel
        {
            Concurrency = concurrency,
            Completed = ok.Count,
            MaxInFlight = concurrency,
            Failed = timings.Count - ok.Count,
            Reconnects = timings.Sum(t => t.Reconnects),
            MetSlo = metSlo,
            Goodput = metSlo / seconds,
            DurationS = seconds,
            RequestThroughput = ok.Count / seconds,
            OutputThroughput = outputTokens / seconds,
            TotalTokenThroughput = (promptTokens + outputTokens) / seconds,
            MeanPromptTokens = ok.Count == 0 ? 0 : (double)promptTokens / ok.Count,
            MeanOutputTokens = ok.Count == 0 ? 0 : (double)outputTokens / ok.Count,
            OutputTokensFrom = ok.All(t => t.TokensFromUsage) ? "usage" : ok.All(t => !t.TokensFromUsage) ? "chunks" : "mixed",
            TtftMs = TimingDistribution.Of([.. ok.Where(t => t.TtftMs is not null).Select(t => t.TtftMs!.Value)]),
            TtfatMs = TimingDistribution.Of([.. ok.Where(t => t.FirstAnswerMs is not null).Select(t => t.FirstAnswerMs!.Value)]),
            TpotMs = TimingDistribution.Of(TimePerOutputToken(ok)),
            ItlMs = TimingDistribution.Of(InterTokenLatencies(ok)),
            E2elMs = TimingDistribution.Of([.. ok.Select(t => t.E2eMs)]),
            Errors = [.. timings.Where(t => t.Error is not null).Select(t => t.Error!).Distinct().Take(5)],
        };
    }

    /// <summary>vLLM's TPOT: the first token is excluded, so only requests with more than one output token count.</summary>
    public static List<double> TimePerOutputToken(IEnumerable<RequestTiming> completed) =>
    [
        .. completed
            .Where(t => t.TtftMs is not null)
            .Select(t => SampleTimings.TimePerOutputTokenMs(t.E2eMs, t.TtftMs!.Value, t.OutputTokens))
            .OfType<double>(),
    ];

    public static List<double> InterTokenLatencies(IEnumerable<RequestTiming> completed) =>
    [
        .. from t in completed
           from i in Enumerable.Range(1, Math.Max(0, t.TokenChunksMs.Count - 1))
           select t.TokenChunksMs[i] - t.TokenChunksMs[i - 1],
    ];
}
