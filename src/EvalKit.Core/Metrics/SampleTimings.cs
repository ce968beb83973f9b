using EvalKit.Core.Results;

namespace EvalKit.Core.Metrics;

/// <summary>
/// Speed from the very requests that were scored, so quality and speed come from the same run: which samples are
/// timed, each per-sample measure, and the per-model summary of <c>metrics.json</c> (<see cref="ModelTiming"/>).
/// </summary>
public static class SampleTimings
{
    /// <summary>
    /// A sample whose timings describe a generation of this run: no error, not from the cache, a generation (not a
    /// log-likelihood choice) that produced at least one token.
    /// </summary>
    public static bool IsTimed(SampleRecord s) =>
        s.Error is null && !s.Cached && s.FinishReason is not null && s.CompletionTokens > 0 && s.TotalMs > 0;

    public static double? TimeToFirstTokenMs(SampleRecord s) => IsTimed(s) ? s.TimeToFirstTokenMs : null;

    /// <summary>(total − TTFT) / (completion_tokens − 1): vLLM's time per output token, the first token excluded.</summary>
    public static double? TimePerOutputTokenMs(SampleRecord s) =>
        Decoding(s) ? TimePerOutputTokenMs(s.TotalMs, s.TimeToFirstTokenMs, s.CompletionTokens) : null;

    /// <summary>vLLM's time per output token of one request: (end-to-end − TTFT) / (output tokens − 1); null for fewer than 2 tokens.</summary>
    public static double? TimePerOutputTokenMs(double totalMs, double timeToFirstTokenMs, int outputTokens) =>
        outputTokens > 1 ? (totalMs - timeToFirstTokenMs) / (outputTokens - 1) : null;

    /// <summary>(completion_tokens − 1) / (total − TTFT) per second: the tokens after the first over the time they took.</summary>
    public static double? GenerationTokensPerSecond(SampleRecord s) =>
        Decoding(s) ? (s.CompletionTokens - 1) / ((s.TotalMs - s.TimeToFirstTokenMs) / 1000) : null;

    /// <summary>prompt_tokens / TTFT per second; TTFT also holds the first sampling step (and, remotely, the network).</summary>
    public static double? PromptTokensPerSecond(SampleRecord s) =>
        IsTimed(s) && s.PromptTokens > 0 && s.TimeToFirstTokenMs > 0 ? s.PromptTokens / (s.TimeToFirstTokenMs / 1000) : null;

    public static double? TimeToFirstAnswerTokenMs(SampleRecord s) => IsTimed(s) ? s.TimeToFirstAnswerTokenMs : null;

    /// <summary>One summary per model that has samples, in <paramref name="modelOrder"/> (then by name).</summary>
    public static IReadOnlyList<ModelTiming> Summarise(IReadOnlyList<SampleRecord> samples, IReadOnlyList<string> modelOrder) =>
        samples
            .GroupBy(s => s.Model, StringComparer.Ordinal)
            .OrderBy(g => MetricsCalculator.ModelOrder(modelOrder, g.Key)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summarise(g.Key, [.. g]))
            .ToList();

    public static ModelTiming Summarise(string model, IReadOnlyList<SampleRecord> samples)
    {
        var timed = samples.Where(IsTimed).ToList();
        return new ModelTiming
        {
            Model = model,
            Samples = timed.Count,
            CachedSamples = samples.Count(s => s.Cached && s.Error is null),
            TokenCountsEstimated = timed.Any(s => s.TokenCountsEstimated == true),
            GenerationTokensPerSecond = Of(timed, GenerationTokensPerSecond),
            PromptTokensPerSecond = Of(timed, PromptTokensPerSecond),
            TimeToFirstTokenMs = Of(timed, TimeToFirstTokenMs),
            TimePerOutputTokenMs = Of(timed, TimePerOutputTokenMs),
            TimeToFirstAnswerTokenMs = Of(timed, TimeToFirstAnswerTokenMs),
        };
    }

    /// <summary>The values of <paramref name="measure"/> that exist, in ascending order.</summary>
    public static IReadOnlyList<double> Values(IEnumerable<SampleRecord> samples, Func<SampleRecord, double?> measure) =>
        samples.Select(measure).OfType<double>().Order().ToList();

    private static TimingDistribution? Of(List<SampleRecord> samples, Func<SampleRecord, double?> measure) =>
        TimingDistribution.Of(Values(samples, measure));

    private static bool Decoding(SampleRecord s) => IsTimed(s) && s.CompletionTokens > 1 && s.TotalMs > s.TimeToFirstTokenMs;
}
