using System.Globalization;

namespace EvalKit.Bench.Load;

/// <summary>
/// Latency limits a request must meet to count toward goodput (vLLM's <c>--goodput</c>): time to first token, time per
/// output token and end-to-end latency, in milliseconds; a limit left null is not checked.
/// </summary>
public sealed record ServiceLevelObjectives
{
    public double? TtftMs { get; init; }
    public double? TpotMs { get; init; }
    public double? E2elMs { get; init; }

    /// <summary>
    /// Reads <c>ttft=500ms,tpot=50ms,e2el=2s</c>: comma-separated <c>name=value</c> pairs, values in ms (the default) or s.
    /// </summary>
    /// <returns>Null, with <paramref name="error"/> set, when a part is malformed.</returns>
    public static ServiceLevelObjectives? Parse(string text, out string? error)
    {
        var slo = new ServiceLevelObjectives();
        error = null;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || Milliseconds(pair[1]) is not { } ms)
            {
                error = $"'{part}' is not name=value with a positive time such as 500ms or 2s";
                return null;
            }
            switch (pair[0].ToLowerInvariant())
            {
                case "ttft": slo = slo with { TtftMs = ms }; break;
                case "tpot": slo = slo with { TpotMs = ms }; break;
                case "e2el": slo = slo with { E2elMs = ms }; break;
                default:
                    error = $"'{pair[0]}' is not ttft, tpot or e2el";
                    return null;
            }
        }
        if (slo is { TtftMs: null, TpotMs: null, E2elMs: null })
        {
            error = "no limit given";
            return null;
        }
        return slo;
    }

    /// <summary>True when every limit set is met; a request with one output token has no TPOT and meets a TPOT limit (vLLM counts its TPOT as 0).</summary>
    public bool IsMetBy(double? ttftMs, double? tpotMs, double e2elMs) =>
        (TtftMs is not { } ttft || ttftMs is { } t && t <= ttft)
        && (TpotMs is not { } tpot || (tpotMs ?? 0) <= tpot)
        && (E2elMs is not { } e2el || e2elMs <= e2el);

    public override string ToString() => string.Join(",", new[] { ("ttft", TtftMs), ("tpot", TpotMs), ("e2el", E2elMs) }
        .Where(p => p.Item2 is not null)
        .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Item1}={p.Item2}ms")));

    private static double? Milliseconds(string value)
    {
        var (number, factor) = value.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (value[..^2], 1.0)
            : value.EndsWith('s') || value.EndsWith('S') ? (value[..^1], 1000.0)
            : (value, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed > 0 && double.IsFinite(parsed)
            ? parsed * factor
            : null;
    }
}
