using System.Text.Json;
using EvalKit.Bench;
using EvalKit.TestSupport;

namespace EvalKit.Bench.Tests;

public sealed class BenchRunnerTests
{
    private static readonly Lazy<BenchReport> _report = new(() => BenchRunner.Run(new BenchOptions
    {
        Models = [SharedAssets.Stories260K],
        PromptTokens = 16,
        GenerateTokens = 8,
        Repetitions = 2,
        Threads = 1,
        EvalCases = 8,
        EvalParallel = [4],
        EvalMaxTokens = 6,
        ArtifactsPath = Path.Combine(Path.GetTempPath(), "evalkit-bench-tests"),
    }));

    [Fact]
    public void Reports_pp_and_tg_for_evalkit_and_the_bare_loop()
    {
        // Given a tiny benchmark of stories260K; When it runs
        var rows = _report.Value.Results;

        // Then every test appears once per variant, named as llama-bench names them
        Assert.Equal(
            ["pp16/bare", "pp16/evalkit", "tg8/bare", "tg8/evalkit"],
            rows.Select(r => $"{r.Test}/{r.Variant}").Order());
    }

    [Fact]
    public void Rates_are_positive_and_finite_with_a_non_negative_deviation()
    {
        foreach (var row in _report.Value.Results)
        {
            Assert.Equal(2, row.SamplesTs.Count);
            Assert.All(row.SamplesTs, t => Assert.True(double.IsFinite(t) && t > 0, $"{row.Test} {row.Variant}: {t}"));
            Assert.True(double.IsFinite(row.AvgTs) && row.AvgTs > 0);
            Assert.True(double.IsFinite(row.StddevTs) && row.StddevTs >= 0);
            Assert.All(row.SamplesNs, ns => Assert.True(ns > 0));
            Assert.Equal(2, row.TtftMs.Count);
            Assert.All(row.TtftMs, ms => Assert.True(double.IsFinite(ms) && ms > 0));
        }
    }

    [Fact]
    public void Token_counts_are_the_ones_requested()
    {
        var rows = _report.Value.Results;

        Assert.All(rows.Where(r => r.Test == "pp16"), r => Assert.Equal((16, 0), (r.NPrompt, r.NGen)));
        Assert.All(rows.Where(r => r.Test == "pp16"), r => Assert.Equal([16, 16], r.Tokens));
        Assert.All(rows.Where(r => r.Test == "tg8"), r => Assert.Equal((0, 8), (r.NPrompt, r.NGen)));
        Assert.All(rows.Where(r => r.Test == "tg8"), r => Assert.All(r.Tokens, t => Assert.InRange(t, 1, 8)));
        Assert.All(rows.Where(r => r.Test == "tg8" && r.Variant == BenchCase.BareVariant), r => Assert.All(r.Tokens, t => Assert.Equal(8, t)));
    }

    [Fact]
    public void Rows_describe_the_model_backend_and_threads()
    {
        var report = _report.Value;

        Assert.All(report.Results, r =>
        {
            Assert.Equal("stories260K", r.Model);
            Assert.True(r.SizeBytes > 0 && r.Params > 0);
            Assert.StartsWith("cpu", r.Backend);
            Assert.Equal(1, r.Threads);
        });
        Assert.All(report.Results.Where(r => r.Variant == BenchCase.EvalKitVariant), r => Assert.True(r.RelativeToBare > 0));
        Assert.False(string.IsNullOrEmpty(report.Host.Cpu));
        Assert.Equal(report.NativeLibrary!.Name, report.Results[0].Backend);
    }

    [Fact]
    public void Bench_json_reads_back_with_the_same_rows()
    {
        using var dir = new TempDir();

        var folder = BenchReportFile.Write(_report.Value, dir.Path);
        var back = BenchReportFile.Read(folder);

        Assert.StartsWith("bench-", Path.GetFileName(folder));
        Assert.Equal(_report.Value.Results.Select(r => (r.Test, r.Variant, r.AvgTs)), back.Results.Select(r => (r.Test, r.Variant, r.AvgTs)));
        Assert.Equal(BenchReport.CurrentSchemaVersion, back.SchemaVersion);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, BenchReportFile.FileName)));
        var row = json.RootElement.GetProperty("results")[0];
        foreach (var field in new[] { "model", "size_bytes", "params", "backend", "threads", "test", "variant", "avg_ts", "stddev_ts", "samples_ts", "ttft_ms" })
            Assert.True(row.TryGetProperty(field, out _), field);
        Assert.True(json.RootElement.TryGetProperty("host", out _));
        Assert.Equal(_report.Value.Evaluation.Select(r => (r.Variant, r.AvgCasesPerSecond)), back.Evaluation.Select(r => (r.Variant, r.AvgCasesPerSecond)));
        var evaluation = json.RootElement.GetProperty("evaluation")[0];
        foreach (var field in new[] { "model", "backend", "cases", "parallel", "variant", "max_tokens", "avg_cases_per_second", "samples_cases_per_second", "generated_tokens" })
            Assert.True(evaluation.TryGetProperty(field, out _), field);
        Assert.True(json.RootElement.TryGetProperty("native_library", out _));
    }

    [Fact]
    public void Evaluation_throughput_compares_sequential_with_parallel_sequences()
    {
        // Given the tiny benchmark above (8 cases, --parallel 4); When it runs
        var rows = _report.Value.Evaluation;

        // Then there is one sequential and one parallel row, each with positive finite rates per repetition
        Assert.Equal(["parallel4", "sequential"], rows.Select(r => r.Variant).Order());
        Assert.All(rows, r =>
        {
            Assert.Equal((8, 6, "stories260K"), (r.Cases, r.MaxTokens, r.Model));
            Assert.Equal(2, r.SamplesCasesPerSecond.Count);
            Assert.All(r.SamplesCasesPerSecond, c => Assert.True(double.IsFinite(c) && c > 0));
            Assert.True(r.AvgCasesPerSecond > 0 && r.StddevCasesPerSecond >= 0 && r.AvgGeneratedTokensPerSecond > 0);
            Assert.All(r.GeneratedTokens, t => Assert.InRange(t, 8, 8 * 6));
        });
        var sequential = rows.Single(r => r.Parallel == 1);
        Assert.Null(sequential.SpeedupOverSequential);
        Assert.Null(sequential.IdenticalToSequential);
    }

    [Fact]
    public void Parallel_greedy_answers_match_the_sequential_ones()
    {
        var parallel = _report.Value.Evaluation.Single(r => r.Parallel == 4);

        Assert.True(parallel.SpeedupOverSequential > 0);
        Assert.Equal(0, parallel.DifferingCases);
        Assert.True(parallel.IdenticalToSequential);
        Assert.Equal(_report.Value.Evaluation.Single(r => r.Parallel == 1).GeneratedTokens[0], parallel.GeneratedTokens[0]);
    }
}
