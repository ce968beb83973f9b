using EvalKit.Core.Results;

namespace EvalKit.Reports.Internal;

/// <summary>Speed measured on the very requests that were scored, so quality and speed come from the same run.</summary>
internal static class SampleTiming
{
    /// <summary>completion_tokens / total time, for samples that generated something and were timed.</summary>
    public static double? TokensPerSecond(SampleRecord s) =>
        s.Error is null && s.CompletionTokens > 0 && s.TotalMs > 0 ? s.CompletionTokens / (s.TotalMs / 1000.0) : null;

    public static double? TimeToFirstTokenMs(SampleRecord s) => s.Error is null && s.TimeToFirstTokenMs > 0 ? s.TimeToFirstTokenMs : null;

    /// <summary>Time per output token after the first one (decode speed without prompt processing).</summary>
    public static double? TimePerTokenMs(SampleRecord s) =>
        s.Error is null && s.CompletionTokens > 1 && s.TimeToFirstTokenMs > 0 && s.TotalMs > s.TimeToFirstTokenMs
            ? (s.TotalMs - s.TimeToFirstTokenMs) / (s.CompletionTokens - 1)
            : null;

    public static IReadOnlyList<double> Values(IEnumerable<SampleRecord> samples, Func<SampleRecord, double?> measure) =>
        samples.Select(measure).Where(v => v.HasValue).Select(v => v!.Value).Order().ToList();

    /// <summary>Linear-interpolated quantile of sorted values (q in [0, 1]); NaN when empty.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        if (sorted.Count == 0)
            return double.NaN;
        var position = q * (sorted.Count - 1);
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
