using System.Text.Json;
using EvalKit.Bench.Load;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.TestSupport;

namespace EvalKit.Bench.Tests.Load;

public sealed class EndpointBenchJsonTests
{
    private static readonly LoadLevel _level = new()
    {
        Concurrency = 2,
        Completed = 30,
        Failed = 2,
        DurationS = 3,
        RequestThroughput = 10,
        OutputThroughput = 320,
        TotalTokenThroughput = 1000,
        MeanPromptTokens = 68,
        MeanOutputTokens = 32,
        OutputTokensFrom = "usage",
        TtftMs = new TimingDistribution(30, 40, 38, 55, 70),
        TpotMs = new TimingDistribution(30, 5, 5, 6, 7),
        E2elMs = new TimingDistribution(30, 200, 195, 230, 260),
        Errors = ["HTTP 500: boom"],
    };

    private static BenchReport Report() => new()
    {
        CreatedUtc = DateTimeOffset.UtcNow,
        EvalkitVersion = "test",
        Host = HostInfo.Current(),
        Endpoint = new EndpointBench
        {
            Url = "http://127.0.0.1:8080/v1",
            Model = "m",
            Api = LoadSweep.Api,
            MaxTokens = 32,
            RequestsPerLevel = 32,
            Levels = [_level],
            GeneratorCeiling = new EndpointBench { Url = LoadSweep.Loopback, Model = LoadSweep.Loopback, Api = LoadSweep.Api, Levels = [_level with { RequestThroughput = 900 }] },
        },
    };

    [Fact]
    public void Bench_json_with_an_endpoint_section_reads_back_the_same()
    {
        using var dir = new TempDir();

        var back = BenchReportFile.Read(BenchReportFile.Write(Report(), dir.Path));

        Assert.Equal(BenchReport.CurrentSchemaVersion, back.SchemaVersion);
        Assert.Empty(back.Results);
        Assert.Null(back.NativeLibrary);
        Assert.Equal(_level, back.Endpoint!.Levels.Single() with { Errors = _level.Errors });
        Assert.Equal(["HTTP 500: boom"], back.Endpoint.Levels[0].Errors);
        Assert.Equal(900, back.Endpoint.GeneratorCeiling!.Levels[0].RequestThroughput);
    }

    [Fact]
    public void Endpoint_fields_are_snake_case_as_documented()
    {
        using var dir = new TempDir();
        var folder = BenchReportFile.Write(Report(), dir.Path);

        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, BenchReportFile.FileName)));
        var endpoint = json.RootElement.GetProperty("endpoint");
        var level = endpoint.GetProperty("levels")[0];

        foreach (var field in new[] { "url", "model", "api", "prompt_words", "max_tokens", "requests_per_level", "warmup_per_client", "seed", "generator_ceiling" })
            Assert.True(endpoint.TryGetProperty(field, out _), field);
        foreach (var field in new[] { "concurrency", "completed", "failed", "duration_s", "request_throughput", "output_throughput", "total_token_throughput",
                     "mean_prompt_tokens", "mean_output_tokens", "output_tokens_from", "ttft_ms", "tpot_ms", "e2el_ms", "errors" })
            Assert.True(level.TryGetProperty(field, out _), field);
        Assert.Equal(55, level.GetProperty("ttft_ms").GetProperty("p90").GetDouble());
        Assert.False(level.TryGetProperty("itl_ms", out _), "a missing summary is left out, not written as null");
    }

    [Fact]
    public void A_schema_version_1_file_still_reads()
    {
        // Given a bench.json as version 1 wrote it (no endpoint section)
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, BenchReportFile.FileName);
        File.WriteAllText(file, """
            {"schema_version": 1, "created_utc": "2026-11-28T10:00:00+00:00", "evalkit_version": "0.1.0",
             "host": {"os": "Linux", "architecture": "x64", "cpu": "EPYC", "logical_cores": 2, "memory_gib": 23.5, "dotnet": ".NET 10"},
             "gpu": null, "native_library": {"name": "cpu-avx512", "uses_gpu": false}, "device": "cpu", "repetitions": 5,
             "results": [{"model": "m", "model_path": "/m.gguf", "backend": "cpu-avx512", "test": "tg128", "variant": "bare",
                          "samples_ts": [40.0], "avg_ts": 40.0, "samples_ns": [3.2e9], "ttft_ms": [30.0], "tokens": [128]}]}
            """);

        // When read
        var report = BenchReportFile.Read(file);

        // Then it is the model benchmark it was
        Assert.Equal(1, report.SchemaVersion);
        Assert.Null(report.Endpoint);
        Assert.Equal("cpu-avx512", report.NativeLibrary!.Name);
        Assert.Equal(40.0, report.Results.Single().AvgTs);
    }
}
