using System.Globalization;
using EvalKit.Bench;
using Spectre.Console;

namespace EvalKit.Cli.Output;

/// <summary>llama-bench's table (model, size, params, backend, threads, test, t/s) for bench results.</summary>
public static class BenchTable
{
    public static Table Create(BenchReport report)
    {
        // llama-bench's settings get a column only where a run chose them.
        var rows = report.Results;
        var batches = rows.Any(r => r.NBatch != BenchOptions.DefaultBatchSize || r.NUbatch != BenchOptions.DefaultUBatchSize) || rows.Select(r => (r.NBatch, r.NUbatch)).Distinct().Count() > 1;
        var layers = rows.Any(r => r.NGpuLayers != -1);
        var table = new Table().AddColumns(
            ["model", "size", "params", "backend", "threads", .. batches ? new[] { "n_batch", "n_ubatch" } : [], .. layers ? new[] { "ngl" } : [],
             "test", "variant", "t/s", "ttft ms", "vs bare"]);
        foreach (var r in rows)
        {
            table.AddRow(
            [
                TerminalText.Escape(r.Model), Size(r.SizeBytes), Params(r.Params), TerminalText.Escape(r.Backend), Invariant($"{r.Threads}"),
                .. batches ? new[] { Invariant($"{r.NBatch}"), Invariant($"{r.NUbatch}") } : [], .. layers ? new[] { Invariant($"{r.NGpuLayers}") } : [],
                TerminalText.Escape(r.Test), r.Variant, Rate(r), Invariant($"{r.AvgTtftMs:F2}"), r.RelativeToBare is { } ratio ? Invariant($"{ratio:P1}") : "",
            ]);
        }
        return table;
    }

    /// <summary>Evaluation throughput: cases/sec answered one at a time and in parallel sequences.</summary>
    public static Table Evaluation(BenchReport report)
    {
        var table = new Table().AddColumns("model", "backend", "threads", "cases", "variant", "cases/s", "gen t/s", "vs sequential", "same answers");
        foreach (var r in report.Evaluation)
        {
            table.AddRow(
                TerminalText.Escape(r.Model), TerminalText.Escape(r.Backend), Invariant($"{r.Threads}"), Invariant($"{r.Cases} × ≤{r.MaxTokens} tok"), r.Variant,
                Invariant($"{r.AvgCasesPerSecond:F2} ± {r.StddevCasesPerSecond:F2}"), Invariant($"{r.AvgGeneratedTokensPerSecond:F1}"),
                r.SpeedupOverSequential is { } speedup ? Invariant($"{speedup:F2}x") : "",
                r.IdenticalToSequential switch { true => "yes", false => Invariant($"no ({r.DifferingCases} differ)"), null => "" });
        }
        return table;
    }

    /// <summary>Per model, the --parallel N that answered most cases per second here, or that none beat one at a time.</summary>
    public static IEnumerable<string> FastestParallel(BenchReport report) =>
        from model in report.Evaluation.GroupBy(r => r.Model)
        where model.Any(r => r.SpeedupOverSequential is not null)
        let best = model.Where(r => r.SpeedupOverSequential > 1).MaxBy(r => r.AvgCasesPerSecond)
        select best is null
            ? $"{model.Key}: no --parallel N beat one case at a time here"
            : Invariant($"{best.Model}: fastest here with run --parallel {best.Parallel} ({best.SpeedupOverSequential:F2}x one at a time{(best.IdenticalToSequential == false ? "; some answers differ" : "")})");

    /// <summary>One row per model, test and variant; one t/s column per result folder.</summary>
    public static Table Compare(IReadOnlyList<string> names, IReadOnlyList<BenchReport> reports)
    {
        var table = new Table().AddColumns("model", "test", "variant");
        for (var i = 0; i < reports.Count; i++)
        {
            var host = reports[i].Host;
            table.AddColumn(TerminalText.Escape($"{names[i]}\n{host.Cpu} ({host.LogicalCores} cores)\n{reports[i].NativeLibrary?.Name ?? "endpoint sweep"}, {reports[i].Gpu?.Name ?? "no GPU"}"));
        }
        var keys = reports.SelectMany(r => r.Results).Select(r => (r.Model, r.Test, r.Variant, r.Threads)).Distinct().ToList();
        foreach (var key in keys)
        {
            var cells = reports.Select(report =>
                report.Results.FirstOrDefault(r => (r.Model, r.Test, r.Variant, r.Threads) == key) is { } row ? Rate(row) + $" (t{row.Threads})" : "-");
            table.AddRow([TerminalText.Escape(key.Model), key.Test, key.Variant, .. cells]);
        }
        var evaluationKeys = reports.SelectMany(r => r.Evaluation).Select(r => (r.Model, r.Cases, r.Variant, r.Threads)).Distinct().ToList();
        foreach (var key in evaluationKeys)
        {
            var cells = reports.Select(report =>
                report.Evaluation.FirstOrDefault(r => (r.Model, r.Cases, r.Variant, r.Threads) == key) is { } row
                    ? Invariant($"{row.AvgCasesPerSecond:F2} ± {row.StddevCasesPerSecond:F2} cases/s (t{row.Threads})")
                    : "-");
            table.AddRow([TerminalText.Escape(key.Model), Invariant($"eval{key.Cases}"), key.Variant, .. cells]);
        }
        return table;
    }

    private static string Rate(BenchResult r) => Invariant($"{r.AvgTs:F2} ± {r.StddevTs:F2}");

    private static string Size(long bytes) => bytes >= 1L << 30 ? Invariant($"{bytes / (double)(1L << 30):F2} GiB") : Invariant($"{bytes / 1048576.0:F2} MiB");

    private static string Params(long count) => count switch
    {
        >= 1_000_000_000 => Invariant($"{count / 1e9:F2} B"),
        >= 1_000_000 => Invariant($"{count / 1e6:F2} M"),
        _ => Invariant($"{count / 1e3:F2} K"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
