using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Llama;
using EvalKit.TestSupport;

namespace EvalKit.Remote.Tests.Serving;

/// <summary>The same suite through <c>llama:</c> and through <c>openai:</c> against <c>evalkit serve</c> on the same model.</summary>
public sealed class ServeParityTests(ServedStoriesFixture served) : IClassFixture<ServedStoriesFixture>
{
    [Fact]
    public async Task Local_and_served_runs_give_identical_greedy_completions()
    {
        // Given one run with the model loaded locally and the same model behind the OpenAI-compatible server
        using var temp = new TempDir();
        var suite = StorySuite.Load(temp);
        var factory = new TestBackendFactory(async spec => spec.Name == "local"
            ? await LlamaBackend.LoadAsync(ServedStoriesFixture.LocalOptions)
            : OpenAiBackend.Create(served.RemoteOptions));
        var request = new RunRequest
        {
            Suites = [suite],
            Models = [new ModelSpec("local", "llama:" + SharedAssets.Stories260K), new ModelSpec("served", $"openai:{served.Server.BaseAddress}#stories")],
            ResultsRoot = temp.File("results"),
        };

        // When the suite runs on both
        var result = await new EvaluationRunner(factory).RunAsync(request);

        // Then every case has the same completion, token counts and finish reason both ways
        var samples = SamplesReader.Read(result.Directory.Path);
        Assert.Equal(2 * suite.Cases.Count, samples.Count);
        Assert.All(samples, s => Assert.Null(s.Error));
        var local = samples.Where(s => s.Model == "local").ToDictionary(s => s.CaseId);
        foreach (var remote in samples.Where(s => s.Model == "served"))
        {
            var twin = local[remote.CaseId];
            Assert.Equal(twin.Completion, remote.Completion);
            Assert.Equal(twin.CompletionTokens, remote.CompletionTokens);
            Assert.Equal(twin.PromptTokens, remote.PromptTokens);
            Assert.Equal(twin.FinishReason, remote.FinishReason);
            Assert.Null(remote.TokenCountsEstimated);
        }
        Assert.Contains(result.Manifest.Models, m => m.Name == "served" && m.Backend == "openai" && m.Sha256 is null);
    }

    [Fact]
    public async Task Parallel_requests_to_an_endpoint_give_the_same_greedy_completions_as_sequential_ones()
    {
        // Given the served model, run once one case at a time and once with four requests in flight
        using var temp = new TempDir();
        var suite = StorySuite.Load(temp);
        var factory = new TestBackendFactory(_ => Task.FromResult<IModelBackend>(OpenAiBackend.Create(served.RemoteOptions with { Concurrency = 4 })));
        RunRequest Request(string root, int parallel) => new()
        {
            Suites = [suite],
            Models = [new ModelSpec("served", $"openai:{served.Server.BaseAddress}#stories")],
            ResultsRoot = temp.File(root),
            Parallel = parallel,
        };

        // When both runs finish
        var sequential = await new EvaluationRunner(factory).RunAsync(Request("one", 1));
        var parallel = await new EvaluationRunner(factory).RunAsync(Request("four", 4));

        // Then each case has one sample with the same completion, in the same order (requests in flight together
        // finish in any order; the finished run's file is put back in case order)
        string Texts(RunResult run) => string.Join("\n", SamplesReader.Read(run.Directory.Path).Select(s => $"{s.CaseId}: {s.Completion} {s.Error}"));
        Assert.Equal(Texts(sequential), Texts(parallel));
        Assert.Equal(suite.Cases.Count, SamplesReader.Read(parallel.Directory.Path).Count);
    }
}
