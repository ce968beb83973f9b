using System.Collections.Concurrent;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.Llama.Fixtures;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Batching;

/// <summary>
/// A programmed model whose answers differ in length (one long answer, short ones), run through the real llama.cpp
/// with slots: the short answers finish while the long one is still decoding, and take the freed slots in turn.
/// </summary>
public sealed class ContinuousBatchingTests : IDisposable
{
    private const string LongPrompt = "Tell the long story.";
    private static readonly string[] LongTokens = [.. Enumerable.Range(0, 200).Select(i => $"w{i}|")];
    private static readonly string[] ShortPrompts = [.. Enumerable.Range(1, 6).Select(i => $"Short question {i}?")];

    private readonly TempDir _temp = new();
    private readonly string _model;

    public ContinuousBatchingTests() =>
        _model = FixtureCompiler.Compile(
            FixtureSpec.FromPairs("uneven", [FixturePair.Tokens(LongPrompt, LongTokens), .. ShortPrompts.Select((p, i) => new FixturePair(p, $"answer{i + 1}"))]),
            _temp.File("uneven.gguf")).Path;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Short_answers_take_the_free_slots_and_finish_while_the_long_one_decodes()
    {
        // Given: three slots; the long request is queued first, then six short ones (more than the free slots)
        await using var backend = await Load(slots: 3);
        var events = new ConcurrentQueue<string>(); // filled on the decode loop's thread, in decode order
        var parameters = new GenerationParameters { MaxTokens = 256 };

        // When: all are queued while the model is held, so the decode loop starts with the whole queue
        List<Task<Completion>> requests;
        using (await backend.HoldAsync(CancellationToken.None))
        {
            requests = [.. new[] { LongPrompt }.Concat(ShortPrompts)
                .Select(prompt => backend.GenerateAsync(GenerationRequest.Raw(prompt, parameters), piece => events.Enqueue(prompt)))];
        }
        var completions = await Task.WhenAll(requests);

        // Then: every short answer came after the long one started and before it ended
        var order = events.ToList();
        var longPieces = order.Select((prompt, i) => (prompt, i)).Where(e => e.prompt == LongPrompt).Select(e => e.i).ToList();
        Assert.Equal(LongTokens.Length, longPieces.Count);
        foreach (var prompt in ShortPrompts)
            Assert.InRange(order.IndexOf(prompt), longPieces[0], longPieces[^1]);
        Assert.Equal(string.Concat(LongTokens), completions[0].Text);
        Assert.Equal(ShortPrompts.Select((_, i) => $"answer{i + 1}"), completions.Skip(1).Select(c => c.Text));
    }

    [Fact]
    public async Task A_parallel_run_finishes_the_short_cases_before_the_long_one_and_writes_samples_in_case_order()
    {
        // Given: the long case first, all seven in flight at once on seven slots
        var suite = new Suite
        {
            Id = "uneven",
            Kind = SuiteKind.Custom,
            Digest = "u1",
            Defaults = new GenerationDefaults { MaxTokens = 240 },
            Scorer = new ScorerSpec("exact", new Dictionary<string, string>()),
            Cases =
            [
                new EvalCase { Id = "long", Prompt = LongPrompt, Expected = [string.Concat(LongTokens)] },
                .. ShortPrompts.Select((p, i) => new EvalCase { Id = $"short{i + 1}", Prompt = p, Expected = [$"answer{i + 1}"] }),
            ],
        };
        var finished = new ConcurrentQueue<string>();
        RunRequest Request(string root, int parallel) => new()
        {
            Suites = [suite],
            Models = [new ModelSpec("uneven", _model)],
            ResultsRoot = _temp.File(root),
            Parallel = parallel,
        };

        // When
        var sequential = await new EvaluationRunner(new Factory(this, 1, null)).RunAsync(Request("seq", 1));
        var parallel = await new EvaluationRunner(new Factory(this, suite.Cases.Count, finished)).RunAsync(Request("par", suite.Cases.Count));

        // Then: the long case, sent first, finished last (each request's time counts from when it got its slot, and
        // all seven got theirs in the same step, so the decode thread's own timings give the order: the order in which
        // awaiting continuations ran depends on the thread pool); the file is in case order with the sequential answers
        Assert.Equal(suite.Cases.Count, finished.Count);
        var expected = SamplesReader.Read(sequential.Directory.Path);
        var samples = SamplesReader.Read(parallel.Directory.Path);
        var longMs = samples.Single(s => s.CaseId == "long").TotalMs;
        Assert.All(samples.Where(s => s.CaseId != "long"), s => Assert.True(s.TotalMs < longMs, $"{s.CaseId} took {s.TotalMs} ms, the long case {longMs} ms"));
        Assert.Equal(suite.Cases.Select(c => c.Id), samples.Select(s => s.CaseId));
        Assert.Equal(expected.Select(s => (s.Completion, s.Label)), samples.Select(s => (s.Completion, s.Label)));
        Assert.All(samples, s => Assert.Equal(ScoreLabel.Correct, s.Label));
    }

    private Task<LlamaBackend> Load(int slots) =>
        LlamaBackend.LoadAsync(new LlamaModelOptions(_model) { Threads = 1, ContextSize = 256, Parallel = slots });

    private sealed class Factory(ContinuousBatchingTests test, int slots, ConcurrentQueue<string>? finished) : IBackendFactory
    {
        public IReadOnlyList<string> Check(ModelSpec spec) => [];

        public async Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken)
        {
            var backend = await test.Load(slots);
            return finished is null ? backend : new FinishOrder(backend, slots, finished);
        }
    }

    // Holds the model until the runner has sent as many requests as there are slots (so the decode loop starts with
    // all of them, whatever the machine's load), and records which case each request answered as it ended.
    private sealed class FinishOrder(LlamaBackend inner, int count, ConcurrentQueue<string> finished) : IModelBackend
    {
        private IDisposable? _hold;
        private int _sent;

        public ModelInfo Info => inner.Info;

        public async Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _sent) == 1)
            {
                _hold = await inner.HoldAsync(cancellationToken);
                // A runner that never sends them all fails the test instead of hanging it.
                _ = Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None).ContinueWith(_ => _hold.Dispose(), TaskScheduler.Default);
            }
            var answer = inner.GenerateAsync(request, cancellationToken);
            if (Volatile.Read(ref _sent) == count)
                _hold!.Dispose();
            var completion = await answer;
            finished.Enqueue(request.Prompt == LongPrompt ? "long" : "short");
            return completion;
        }

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
