using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

public class BenchEndpointCommandTests
{
    [Fact]
    public async Task Loopback_sweep_writes_an_endpoint_section_that_compare_sets_side_by_side()
    {
        // Given an empty results folder
        using var temp = new TempDir();

        // When the generator's ceiling is measured at concurrency 1 and 2
        var result = await EvalKitProcess.RunAsync(temp.Path, "bench", "--endpoint", "loopback", "-c", "1,2", "--requests", "20", "--max-tokens", "4", "--out", "results");

        // Then bench.json holds one level per concurrency, every request completed, and the table shows them
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(temp.Path, "results"), "bench-*"));
        using (var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "bench.json"))))
        {
            var levels = json.RootElement.GetProperty("endpoint").GetProperty("levels");
            Assert.Equal([1, 2], levels.EnumerateArray().Select(l => l.GetProperty("concurrency").GetInt32()));
            Assert.All(levels.EnumerateArray(), l => Assert.Equal(20, l.GetProperty("completed").GetInt32()));
            Assert.Equal(3, json.RootElement.GetProperty("schema_version").GetInt32());
        }
        Assert.Contains("TTFT", result.Stdout);
        Assert.Contains("loopback c=2", result.Stdout);

        var compare = await EvalKitProcess.RunAsync(temp.Path, "bench", "--compare", folder, folder);
        Assert.True(compare.ExitCode == ExitCodes.Ok, compare.Output);
        Assert.Contains("endpoint load sweeps", compare.Stdout);
        Assert.DoesNotContain("variant", compare.Stdout);
    }

    [Fact]
    public async Task Open_loop_loopback_sweep_reports_each_request_rate_with_goodput()
    {
        // Given an empty results folder
        using var temp = new TempDir();

        // When the loopback server is swept open-loop at 200 requests/s and all at once, with a generous TTFT limit
        var result = await EvalKitProcess.RunAsync(temp.Path, "bench", "--endpoint", "loopback", "--request-rate", "200,inf", "--requests", "12",
            "--max-tokens", "4", "--slo", "ttft=30s,tpot=10s", "--out", "results");

        // Then bench.json holds one open-loop level per rate, with reconnects and goodput counted, and the table shows them
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var folder = Assert.Single(Directory.GetDirectories(Path.Combine(temp.Path, "results"), "bench-*"));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "bench.json")));
        var endpoint = json.RootElement.GetProperty("endpoint");
        Assert.Equal("open", endpoint.GetProperty("load").GetString());
        Assert.Equal(30_000, endpoint.GetProperty("slo").GetProperty("ttft_ms").GetDouble());
        var levels = endpoint.GetProperty("levels").EnumerateArray().ToList();
        Assert.Equal("200", levels[0].GetProperty("request_rate").GetRawText());
        Assert.Equal("\"Infinity\"", levels[1].GetProperty("request_rate").GetRawText());
        Assert.All(levels, l =>
        {
            Assert.Equal(12, l.GetProperty("completed").GetInt32());
            Assert.Equal(0, l.GetProperty("failed").GetInt32());
            Assert.True(l.TryGetProperty("reconnects", out _));
            Assert.Equal(12, l.GetProperty("met_slo").GetInt32());
            Assert.True(l.GetProperty("goodput").GetDouble() > 0);
        });
        Assert.Contains("request rate", result.Stdout);
        Assert.Contains("goodput", result.Stdout);
        Assert.Contains("reconnects", result.Stdout);
    }

    [Theory]
    [InlineData("--request-rate", "0")]
    [InlineData("--request-rate", "2,x")]
    [InlineData("--burstiness", "0")]
    [InlineData("--slo", "ttft=fast")]
    [InlineData("--slo", "p99=5ms")]
    public async Task Malformed_open_loop_options_are_bad_input_naming_the_option(string option, string value)
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, "bench", "--endpoint", "loopback", option, value);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(option, result.Output);
    }

    [Fact]
    public async Task An_endpoint_that_is_down_fails_with_its_url_and_what_to_do()
    {
        using var temp = new TempDir();
        var url = $"http://127.0.0.1:{FreePort()}/v1";

        var result = await EvalKitProcess.RunAsync(temp.Path, "bench", "--endpoint", url, "--model", "m", "-c", "1");

        Assert.Equal(ExitCodes.RuntimeFailure, result.ExitCode);
        Assert.Contains(url, result.Output);
        Assert.Contains("evalkit serve", result.Output);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "results")), "nothing is written for a sweep that never started");
    }

    [Theory]
    [InlineData("--endpoint", "http://127.0.0.1:1/v1")]                                  // no --model
    [InlineData("--endpoint", "loopback", "-c", "1,x")]
    [InlineData("--endpoint", "ftp://host/v1", "--model", "m")]
    [InlineData("--endpoint", "loopback", "model.gguf")]
    public async Task Bad_endpoint_options_are_bad_input(params string[] args)
    {
        using var temp = new TempDir();

        var result = await EvalKitProcess.RunAsync(temp.Path, ["bench", .. args]);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
