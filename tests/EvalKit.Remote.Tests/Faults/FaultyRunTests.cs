using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.TestSupport;
using Microsoft.AspNetCore.Http;

namespace EvalKit.Remote.Tests.Faults;

/// <summary>A whole run against a server that misbehaves differently for each case.</summary>
public sealed class FaultyRunTests
{
    [Fact]
    public async Task Run_over_a_faulty_server_records_exactly_one_sample_per_case_with_failures_as_data()
    {
        // Given a server that fails each prompt of the suite in its own way
        await using var server = await FaultServer.StartAsync(async (http, prompt, attempt) =>
        {
            switch (prompt)
            {
                case "Once upon a time" when attempt == 1:
                    await FaultServer.ErrorAsync(http, StatusCodes.Status429TooManyRequests, "busy", retryAfter: "0");
                    break;
                case "The little dog" when attempt <= 2:
                    await FaultServer.ErrorAsync(http, StatusCodes.Status502BadGateway, "bad gateway");
                    break;
                case "The sun was":
                    await FaultServer.ErrorAsync(http, StatusCodes.Status500InternalServerError, "always broken");
                    break;
                case "One day, Tom went to the park" when attempt == 1:
                    await FaultServer.BeginStreamAsync(http);
                    await FaultServer.EventAsync(http, FaultServer.Chunk("half", null));
                    http.Abort();
                    break;
                case "She had a red ball" when attempt == 1:
                    await FaultServer.BeginStreamAsync(http);
                    await Task.Delay(TimeSpan.FromSeconds(30), http.RequestAborted);
                    break;
                default:
                    await FaultServer.StreamAsync(http, "a ", "cat ", "and ", "a ", "tree ", "in ", "the ", "park ", "with ", "Lily's ", "ball");
                    break;
            }
        });
        using var temp = new TempDir();
        var suite = StorySuite.Load(temp);
        var factory = new TestBackendFactory(_ => Task.FromResult<IModelBackend>(OpenAiBackend.Create(server.Options)));
        var request = new RunRequest
        {
            Suites = [suite],
            Models = [new ModelSpec("remote", $"openai:{server.BaseAddress}#{FaultServer.Model}")],
            ResultsRoot = temp.File("results"),
        };

        // When the run goes through
        var result = await new EvaluationRunner(factory).RunAsync(request);

        // Then every case has exactly one sample; only the always-broken one failed, with a reason naming endpoint and status
        var samples = SamplesReader.Read(result.Directory.Path);
        Assert.Equal(suite.Cases.Select(c => c.Id).Order(), samples.Select(s => s.CaseId).Order());
        var failed = Assert.Single(samples, s => s.Label == ScoreLabel.Error);
        Assert.Equal("sun", failed.CaseId);
        Assert.Contains(server.BaseAddress + "/completions", failed.Error);
        Assert.Contains("HTTP 500", failed.Error);
        Assert.All(samples.Where(s => s.CaseId != "sun"), s => Assert.Equal("a cat and a tree in the park with Lily's ball", s.Completion));
        Assert.Equal(1, result.Metrics.Suites.Single().Errors);
    }
}
