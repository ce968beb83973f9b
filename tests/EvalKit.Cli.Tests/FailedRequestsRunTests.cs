using System.Net;
using System.Net.Sockets;
using EvalKit.Core;
using EvalKit.Core.Results;
using EvalKit.Llama;
using EvalKit.Remote.Serving;
using EvalKit.TestSupport;
using Xunit.Abstractions;

namespace EvalKit.Cli.Tests;

/// <summary>A model all of whose requests failed is a runtime failure (exit 3); --retry-errors runs those cases again.</summary>
public class FailedRequestsRunTests(ITestOutputHelper output)
{
    private const string Suite = """
        id: stories
        kind: custom
        defaults: {max_tokens: 8}
        scorer: {type: contains}
        cases:
          - {id: once, prompt: Once upon a time, expected: [Lily]}
          - {id: dog, prompt: The little dog, expected: [the]}
        """;

    [Fact]
    public async Task A_run_whose_endpoint_is_down_exits_3_with_results_written_and_retry_errors_replaces_the_failed_samples()
    {
        // Given: an endpoint on a loopback port where nothing listens yet
        using var temp = new TempDir();
        var suite = temp.Write("stories.yaml", Suite);
        var port = FreePort();
        var model = $"remote=openai:http://127.0.0.1:{port}/v1#tiny";

        // When
        var down = await EvalKitProcess.RunAsync(temp.Path, "run", "--suite", suite, "--model", model, "--out", "results", "--no-cache");
        output.WriteLine(down.Output);

        // Then: exit 3, the results are written, every sample an error
        Assert.Equal(ExitCodes.RuntimeFailure, down.ExitCode);
        Assert.Contains("every request of remote failed", down.Output);
        var runDir = Assert.Single(Directory.GetDirectories(temp.File("results")));
        Assert.True(File.Exists(Path.Combine(runDir, "metrics.json")));
        Assert.All(SamplesReader.Read(runDir), s => Assert.NotNull(s.Error));

        // And: plain --resume keeps the failed samples; --retry-errors without --resume is refused
        var resumed = await EvalKitProcess.RunAsync(temp.Path, "run", "--resume", runDir, "--no-cache");
        Assert.Equal(ExitCodes.RuntimeFailure, resumed.ExitCode);
        var refused = await EvalKitProcess.RunAsync(temp.Path, "run", "--suite", suite, "--model", model, "--retry-errors");
        Assert.Equal(ExitCodes.BadInput, refused.ExitCode);

        // When: the endpoint is up and the run is resumed with --retry-errors
        await using var local = await LlamaBackend.LoadAsync(new LlamaModelOptions(SharedAssets.Stories260K) { Threads = 1, ContextSize = 256 });
        await using var server = await OpenAiServer.StartAsync(local, new OpenAiServerOptions { Port = port, ModelName = "tiny" });
        var retried = await EvalKitProcess.RunAsync(temp.Path, "run", "--resume", runDir, "--retry-errors", "--no-cache");
        output.WriteLine(retried.Output);

        // Then: one sample per case, none failed
        Assert.True(retried.ExitCode == ExitCodes.Ok, retried.Output);
        Assert.Contains("Retrying 2 failed sample(s).", retried.Output);
        var samples = SamplesReader.Read(runDir);
        Assert.Equal(["dog", "once"], samples.Select(s => s.CaseId).Order());
        Assert.All(samples, s => Assert.Null(s.Error));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(runDir, "samples.jsonl")).Length);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
