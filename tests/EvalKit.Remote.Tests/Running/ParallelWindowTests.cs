using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Remote.Tests.Faults;
using EvalKit.TestSupport;

namespace EvalKit.Remote.Tests.Running;

/// <summary><c>run --parallel N</c> against an endpoint keeps N requests in flight instead of sending groups of N.</summary>
public sealed class ParallelWindowTests
{
    [Fact]
    public async Task A_slow_answer_does_not_hold_up_the_cases_after_it()
    {
        // Given a server that holds the first case's answer until the suite's third case has been asked for (or 20 s pass):
        // in groups of two, the third case would only be sent after the first one ended
        var thirdAsked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releasedByThird = false;
        await using var server = await FaultServer.StartAsync(async (http, prompt, _) =>
        {
            if (prompt == "The sun was")
                thirdAsked.TrySetResult();
            if (prompt == "Once upon a time")
            {
                releasedByThird = await Task.WhenAny(thirdAsked.Task, Task.Delay(TimeSpan.FromSeconds(20))) == thirdAsked.Task;
                await FaultServer.StreamAsync(http, "slow ", "answer");
                return;
            }
            await FaultServer.StreamAsync(http, "quick");
        });
        using var temp = new TempDir();
        var suite = StorySuite.Load(temp);
        var factory = new TestBackendFactory(_ => Task.FromResult<IModelBackend>(OpenAiBackend.Create(server.Options with
        {
            RequestTimeout = TimeSpan.FromSeconds(60),
            IdleTimeout = TimeSpan.FromSeconds(30),
        })));
        var request = new RunRequest
        {
            Suites = [suite],
            Models = [new ModelSpec("remote", $"openai:{server.BaseAddress}#{FaultServer.Model}")],
            ResultsRoot = temp.File("results"),
            Parallel = 2,
            Observer = new RecordingRunObserver(),
        };

        // When the run goes through with two requests in flight
        var result = await new EvaluationRunner(factory).RunAsync(request);

        // Then the third case was asked for while the first was still open, and every case has its one sample; the
        // finished run's samples.jsonl is back in case order
        Assert.True(releasedByThird, "the first case's request was still open when the third case was sent");
        var samples = SamplesReader.Read(result.Directory.Path).ToList();
        Assert.Equal(suite.Cases.Select(c => c.Id), samples.Select(s => s.CaseId));
        Assert.All(samples, s => Assert.Null(s.Error));
        Assert.Equal("slow answer", samples.Single(s => s.CaseId == "once").Completion);
        // And every case it took up was closed again, with nothing left open when the run ended
        var observer = (RecordingRunObserver)request.Observer;
        Assert.Equal(suite.Cases.Count, observer.Events.Count(e => e.StartsWith("started ", StringComparison.Ordinal)));
        Assert.Empty(observer.StillOpen());
        Assert.Equal("phase ended", observer.Events[^1]);
    }

    [Fact]
    public async Task Cached_answers_are_not_asked_again_when_requests_overlap()
    {
        // Given a run whose answers are all in the response cache
        await using var server = await FaultServer.StartAsync((http, _, _) => FaultServer.StreamAsync(http, "cached ", "story"));
        using var temp = new TempDir();
        var suite = StorySuite.Load(temp);
        var factory = new TestBackendFactory(_ => Task.FromResult<IModelBackend>(OpenAiBackend.Create(server.Options)));
        using var cache = EvalKit.Caching.ResponseCache.Open(temp.File("cache.sqlite"));
        RunRequest Request(string root) => new()
        {
            Suites = [suite],
            Models = [new ModelSpec("remote", $"openai:{server.BaseAddress}#{FaultServer.Model}")],
            ResultsRoot = temp.File(root),
            Parallel = 3,
            Decorate = EvalKit.Caching.CachingBackend.For(cache),
        };
        await new EvaluationRunner(factory).RunAsync(Request("first"));
        var asked = server.Requests.Count;

        // When the same run goes again with three requests in flight
        var again = await new EvaluationRunner(factory).RunAsync(Request("second"));

        // Then no request reached the server and every sample says it came from the cache
        Assert.Equal(suite.Cases.Count, asked);
        Assert.Equal(asked, server.Requests.Count);
        var samples = SamplesReader.Read(again.Directory.Path);
        Assert.Equal(suite.Cases.Count, samples.Count);
        Assert.All(samples, s => Assert.True(s.Cached));
    }
}
