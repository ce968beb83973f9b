using System.Globalization;
using EvalKit.Bench;
using EvalKit.Bench.Load;
using Spectre.Console;

namespace EvalKit.Cli.Output;

/// <summary>vLLM serving-benchmark columns for an endpoint load sweep, one row per concurrency level.</summary>
public static class LoadSweepTable
{
    public static Table Create(EndpointBench sweep)
    {
        var table = new Table()
            .Title(Markup.Escape($"{sweep.Url} {sweep.Model}: {sweep.PromptWords}-word prompts, max_tokens {sweep.MaxTokens}, {sweep.RequestsPerLevel} requests/level"))
            .AddColumns("conc", "ok/failed", "req/s", "out tok/s", "total tok/s", "out tok/req",
                "TTFT ms mean", "TTFT p50/p90/p99", "TPOT ms mean", "TPOT p50/p90/p99", "ITL p50/p99", "E2E ms p50/p99");
        var ceiling = sweep.GeneratorCeiling;
        if (ceiling is not null)
            table.AddColumns("ceiling req/s", "ceiling out tok/s");
        foreach (var level in sweep.Levels)
        {
            List<string> cells =
            [
                Invariant($"{level.Concurrency}"), Invariant($"{level.Completed}/{level.Failed}"),
                Invariant($"{level.RequestThroughput:F2}"), Invariant($"{level.OutputThroughput:F1}"), Invariant($"{level.TotalTokenThroughput:F1}"),
                Invariant($"{level.MeanOutputTokens:F1}") + (level.OutputTokensFrom == "usage" ? "" : $" ({level.OutputTokensFrom})"),
                Mean(level.TtftMs), Spread(level.TtftMs), Mean(level.TpotMs), Spread(level.TpotMs),
                level.ItlMs is { } itl ? $"{Ms(itl.P50)}/{Ms(itl.P99)}" : "-",
                level.E2elMs is { } e2e ? $"{Ms(e2e.P50)}/{Ms(e2e.P99)}" : "-",
            ];
            if (ceiling is not null)
            {
                var top = ceiling.Levels.FirstOrDefault(l => l.Concurrency == level.Concurrency);
                cells.Add(top is null ? "-" : Invariant($"{top.RequestThroughput:F0}"));
                cells.Add(top is null ? "-" : Invariant($"{top.OutputThroughput:F0}"));
            }
            table.AddRow([.. cells]);
        }
        return table;
    }

    /// <summary>One row per concurrency level; one column per result folder with an endpoint sweep (req/s, out tok/s, TTFT and TPOT p50).</summary>
    public static Table Compare(IReadOnlyList<string> names, IReadOnlyList<BenchReport> reports)
    {
        var table = new Table().Title("endpoint load sweeps: req/s · out tok/s · TTFT p50 ms · TPOT p50 ms").AddColumn("conc");
        var sweeps = reports.Select((report, i) => (report, name: names[i])).Where(r => r.report.Endpoint is not null).ToList();
        foreach (var (report, name) in sweeps)
            table.AddColumn(Markup.Escape($"{name}\n{report.Endpoint!.Url} {report.Endpoint.Model}\n{report.Host.Cpu} ({report.Host.LogicalCores} cores)"));
        foreach (var concurrency in sweeps.SelectMany(s => s.report.Endpoint!.Levels.Select(l => l.Concurrency)).Distinct().Order())
        {
            var cells = sweeps.Select(s => s.report.Endpoint!.Levels.FirstOrDefault(l => l.Concurrency == concurrency) is { } level
                ? Invariant($"{level.RequestThroughput:F2} · {level.OutputThroughput:F1} · ") + $"{Ms(level.TtftMs?.P50)} · {Ms(level.TpotMs?.P50)}"
                : "-");
            table.AddRow([Invariant($"{concurrency}"), .. cells]);
        }
        return table;
    }

    private static string Mean(LatencySummary? summary) => summary is null ? "-" : Ms(summary.Mean);

    private static string Spread(LatencySummary? summary) => summary is null ? "-" : $"{Ms(summary.P50)}/{Ms(summary.P90)}/{Ms(summary.P99)}";

    private static string Ms(double? ms) => ms is { } value ? Ms(value) : "-";

    // Three significant digits or so: loopback latencies are fractions of a millisecond, a real server's hundreds.
    private static string Ms(double ms) => ms.ToString(ms < 10 ? "F2" : ms < 1000 ? "F1" : "F0", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
