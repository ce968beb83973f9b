using System.Globalization;
using EvalKit.Bench;
using EvalKit.Bench.Load;
using EvalKit.Core.Metrics;
using Spectre.Console;

namespace EvalKit.Cli.Output;

/// <summary>
/// An endpoint load sweep as vLLM's serving benchmark reports one: one column per concurrency level, one row per metric,
/// with the load generator's ceiling (the same sweep against the loopback server) at the bottom.
/// </summary>
public static class LoadSweepTable
{
    public static Table Create(EndpointBench sweep)
    {
        var table = new Table()
            .Title(TerminalText.Escape($"{sweep.Url} {sweep.Model}: {sweep.PromptWords}-word prompts, max_tokens {sweep.MaxTokens}, {sweep.RequestsPerLevel} requests/level"
                + (sweep.Slo is { } slo ? $", SLO {slo}" : "")))
            .AddColumn(sweep.Load == "open" ? "request rate (/s)" : "concurrency");
        foreach (var level in sweep.Levels)
            table.AddColumn(new TableColumn(Level(level)).RightAligned());
        Row(table, sweep, "completed/failed", l => Invariant($"{l.Completed}/{l.Failed}"));
        Row(table, sweep, "reconnects", l => Invariant($"{l.Reconnects}"));
        if (sweep.Load == "open")
            Row(table, sweep, "most in flight", l => Invariant($"{l.MaxInFlight}"));
        Row(table, sweep, "requests/s", l => Invariant($"{l.RequestThroughput:F2}"));
        if (sweep.Slo is not null)
            Row(table, sweep, "goodput (req/s in SLO)", l => Invariant($"{l.Goodput:F2} ({l.MetSlo}/{l.Completed})"));
        Row(table, sweep, "output tok/s", l => Invariant($"{l.OutputThroughput:F1}"));
        Row(table, sweep, "total tok/s", l => Invariant($"{l.TotalTokenThroughput:F1}"));
        Row(table, sweep, "prompt tok/request", l => Invariant($"{l.MeanPromptTokens:F1}"));
        Row(table, sweep, "output tok/request", l => Invariant($"{l.MeanOutputTokens:F1}") + (l.OutputTokensFrom == "usage" ? "" : $" ({l.OutputTokensFrom})"));
        Latency(table, sweep, "TTFT", l => l.TtftMs);
        if (sweep.Levels.Any(l => l.TtfatMs is not null))
            Latency(table, sweep, "first answer", l => l.TtfatMs);
        Latency(table, sweep, "TPOT", l => l.TpotMs);
        Latency(table, sweep, "ITL", l => l.ItlMs);
        Latency(table, sweep, "E2E", l => l.E2elMs);
        if (sweep.GeneratorCeiling is { } ceiling)
        {
            Row(table, sweep, "ceiling requests/s", l => Ceiling(ceiling, l) is { } top ? Invariant($"{top.RequestThroughput:F0}") : "-");
            Row(table, sweep, "ceiling output tok/s", l => Ceiling(ceiling, l) is { } top ? Invariant($"{top.OutputThroughput:F0}") : "-");
            Row(table, sweep, "ceiling ÷ requests/s", l => Ceiling(ceiling, l) is { } top && l.RequestThroughput > 0 ? Invariant($"{top.RequestThroughput / l.RequestThroughput:F0}×") : "-");
        }
        return table;
    }

    private static LoadLevel? Ceiling(EndpointBench ceiling, LoadLevel level) =>
        ceiling.Levels.FirstOrDefault(l => l.Concurrency == level.Concurrency && l.RequestRate == level.RequestRate);

    /// <summary>A request rate as the options take it: 4, 0.5, inf.</summary>
    public static string Rate(double rate) => double.IsPositiveInfinity(rate) ? "inf" : rate.ToString("0.###", CultureInfo.InvariantCulture);

    private static string LevelName(LoadLevel level) => level.RequestRate is { } rate ? "rate=" + Rate(rate) : Invariant($"c={level.Concurrency}");

    private static string Level(LoadLevel level) => level.RequestRate is { } rate ? Rate(rate) : Invariant($"{level.Concurrency}");

    private static void Row(Table table, EndpointBench sweep, string name, Func<LoadLevel, string> cell) =>
        table.AddRow([TerminalText.Escape(name), .. sweep.Levels.Select(l => TerminalText.Escape(cell(l)))]);

    private static void Latency(Table table, EndpointBench sweep, string name, Func<LoadLevel, TimingDistribution?> summary)
    {
        Row(table, sweep, $"{name} mean ms", l => Ms(summary(l)?.Mean));
        Row(table, sweep, $"{name} p50 ms", l => Ms(summary(l)?.P50));
        Row(table, sweep, $"{name} p90 ms", l => Ms(summary(l)?.P90));
        Row(table, sweep, $"{name} p99 ms", l => Ms(summary(l)?.P99));
    }

    /// <summary>One row per level (concurrency <c>c=N</c>, or request rate <c>rate=R</c>); one column per result folder with an endpoint sweep (req/s, out tok/s, TTFT and TPOT p50).</summary>
    public static Table Compare(IReadOnlyList<string> names, IReadOnlyList<BenchReport> reports)
    {
        var table = new Table().Title("endpoint load sweeps: req/s · out tok/s · TTFT p50 ms · TPOT p50 ms").AddColumn("level");
        var sweeps = reports.Select((report, i) => (report, name: names[i])).Where(r => r.report.Endpoint is not null).ToList();
        foreach (var (report, name) in sweeps)
            table.AddColumn(TerminalText.Escape($"{name}\n{report.Endpoint!.Url} {report.Endpoint.Model}\n{report.Host.Cpu} ({report.Host.LogicalCores} cores)"));
        var levels = sweeps.SelectMany(s => s.report.Endpoint!.Levels).OrderBy(l => l.RequestRate is null ? 0 : 1).ThenBy(l => l.Concurrency).ThenBy(l => l.RequestRate)
            .Select(LevelName).Distinct();
        foreach (var name in levels)
        {
            var cells = sweeps.Select(s => s.report.Endpoint!.Levels.FirstOrDefault(l => LevelName(l) == name) is { } level
                ? Invariant($"{level.RequestThroughput:F2} · {level.OutputThroughput:F1} · ") + $"{Ms(level.TtftMs?.P50)} · {Ms(level.TpotMs?.P50)}"
                : "-");
            table.AddRow([TerminalText.Escape(name), .. cells]);
        }
        return table;
    }

    private static string Ms(double? ms) => ms is { } value ? Ms(value) : "-";

    // Three significant digits or so: loopback latencies are fractions of a millisecond, a real server's hundreds.
    private static string Ms(double ms) => ms.ToString(ms < 10 ? "F2" : ms < 1000 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
