using System.Text.Json;
using EvalKit.Core.Backends;
using EvalKit.Caching;
using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.Llama.Fixtures;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Reasoning;

/// <summary>A programmed reasoning model run through the real llama.cpp: token accounting and timing per sample and in metrics.json.</summary>
public sealed class ReasoningTimingRunTests : IDisposable
{
    private static readonly Suite Thinking = new()
    {
        Id = "thinking",
        Kind = SuiteKind.Accuracy,
        Digest = "t1",
        Defaults = new GenerationDefaults { MaxTokens = 16, Reasoning = ReasoningFormat.Think with { Expected = true } },
        Scorer = new ScorerSpec("exact", new Dictionary<string, string>()),
        Cases =
        [
            new EvalCase { Id = "capital", Prompt = "Capital of France?", Expected = ["Paris"] },
            new EvalCase { Id = "sum", Prompt = "Two plus two?", Expected = ["4"] },
            new EvalCase { Id = "unclosed", Prompt = "Hardest question?", Expected = ["42"] },
            new EvalCase { Id = "plain", Prompt = "Capital of Italy?", Expected = ["Rome"] },
        ],
    };

    // A token can have one successor only, so each answer spells its tags with its own tokens.
    private static readonly FixturePair[] Answers =
    [
        FixturePair.Tokens("Capital of France?", "<think>", "The user asks about France.", "</think>", "\n\n", "Paris"),
        FixturePair.Tokens("Two plus two?", "<think>Quick sum", ": 2+2=4</think>", "4"), // the close tag shares a token
        FixturePair.Tokens("Hardest question?", "<think>I am", " still thinking"),
        new("Capital of Italy?", "Rome"),
    ];

    // Expected (reasoning tokens, answer tokens), from the rule in docs/suites.md.
    private static readonly Dictionary<string, (int?, int?)> Tokens = new()
    {
        ["capital"] = (3, 2),
        ["sum"] = (2, 1),
        ["unclosed"] = (2, 0),
        ["plain"] = (0, 1),
    };

    private readonly TempDir _temp = new();
    private readonly string _model;

    public ReasoningTimingRunTests() =>
        _model = FixtureCompiler.Compile(FixtureSpec.FromPairs("thinker", Answers), _temp.File("thinker.gguf")).Path;

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Samples_split_their_tokens_and_time_the_first_answer_token(int parallel)
    {
        // When: one case at a time, or all four decoded together on four slots
        var run = await Run(_temp.File($"results-{parallel}"), parallel);
        var samples = SamplesReader.Read(run.Directory.Path).ToDictionary(s => s.CaseId);

        // Then
        Assert.Equal(["correct", "correct", ScoreLabel.UnclosedReasoning, "correct"], Thinking.Cases.Select(c => samples[c.Id].Label));
        Assert.Equal(Tokens, samples.ToDictionary(s => s.Key, s => (s.Value.ReasoningTokens, s.Value.AnswerTokens)));
        Assert.All(samples.Values, s => Assert.Equal(s.CompletionTokens, s.ReasoningTokens + s.AnswerTokens));
        foreach (var id in new[] { "capital", "sum", "plain" })
        {
            var s = samples[id];
            Assert.InRange(s.TimeToFirstAnswerTokenMs!.Value, s.TimeToFirstTokenMs, s.TotalMs);
        }
        Assert.Null(samples["unclosed"].TimeToFirstAnswerTokenMs);
        Assert.Equal(samples["plain"].TimeToFirstTokenMs, samples["plain"].TimeToFirstAnswerTokenMs); // its first token is the answer
    }

    [Fact]
    public async Task Metrics_summarise_the_timings_of_the_samples_and_leave_cached_answers_out()
    {
        // Given
        using var cache = ResponseCache.Open(_temp.File("cache/responses.sqlite"));

        // When: a first run fills the cache, a second is answered from it
        var first = await Run(_temp.File("first"), 1, cache);
        var second = await Run(_temp.File("second"), 1, cache);

        // Then: metrics.json on disk holds the summary, computed from the non-cached samples
        var samples = SamplesReader.Read(first.Directory.Path);
        var timing = Assert.Single(Written(first).Timing);
        Assert.Equal(("thinker", 4, 0, false), (timing.Model, timing.Samples, timing.CachedSamples, timing.TokenCountsEstimated));
        AssertSummary(samples.Select(s => s.TimeToFirstTokenMs), timing.TimeToFirstTokenMs);
        AssertSummary(samples.Select(s => s.TimeToFirstAnswerTokenMs).OfType<double>(), timing.TimeToFirstAnswerTokenMs);
        var decoding = samples.Where(s => s.CompletionTokens > 1 && s.TotalMs > s.TimeToFirstTokenMs).ToList();
        AssertSummary(decoding.Select(s => (s.TotalMs - s.TimeToFirstTokenMs) / (s.CompletionTokens - 1)), timing.TimePerOutputTokenMs);
        AssertSummary(decoding.Select(s => (s.CompletionTokens - 1) / ((s.TotalMs - s.TimeToFirstTokenMs) / 1000)), timing.GenerationTokensPerSecond);
        AssertSummary(samples.Select(s => s.PromptTokens / (s.TimeToFirstTokenMs / 1000)), timing.PromptTokensPerSecond);
        Assert.Equal(3, timing.TimeToFirstAnswerTokenMs!.Samples);

        // Cached samples keep their numbers but are not timed again
        var cached = SamplesReader.Read(second.Directory.Path);
        Assert.All(cached, s => Assert.True(s.Cached));
        Assert.Equal(samples.Select(s => (s.ReasoningTokens, s.AnswerTokens, s.TimeToFirstAnswerTokenMs)),
            cached.Select(s => (s.ReasoningTokens, s.AnswerTokens, s.TimeToFirstAnswerTokenMs)));
        var cachedTiming = Assert.Single(Written(second).Timing);
        Assert.Equal((0, 4, (TimingDistribution?)null), (cachedTiming.Samples, cachedTiming.CachedSamples, cachedTiming.TimeToFirstTokenMs));
    }

    private Task<RunResult> Run(string root, int parallel, ResponseCache? cache = null) =>
        new EvaluationRunner(new FixtureBackendFactory(_model, parallel)).RunAsync(new RunRequest
        {
            Suites = [Thinking],
            Models = [new ModelSpec("thinker", _model)],
            ResultsRoot = root,
            Parallel = parallel,
            Decorate = CachingBackend.For(cache),
        });

    private static MetricsReport Written(RunResult run) =>
        JsonSerializer.Deserialize<MetricsReport>(File.ReadAllText(Path.Combine(run.Directory.Path, MetricsReport.FileName)), JsonDefaults.Indented)!;

    private static void AssertSummary(IEnumerable<double> values, TimingDistribution? summary)
    {
        var sorted = values.Order().ToList();
        Assert.NotNull(summary);
        Assert.All(new[] { summary.Mean, summary.P50, summary.P90, summary.P99 }, v => Assert.True(double.IsFinite(v) && v > 0));
        Assert.Equal(sorted.Count, summary.Samples);
        Assert.Equal(sorted.Average(), summary.Mean, 6);
        Assert.InRange(summary.P50, sorted[0], sorted[^1]);
        Assert.True(summary.P50 <= summary.P90 && summary.P90 <= summary.P99 && summary.P99 <= sorted[^1]);
    }

    private sealed class FixtureBackendFactory(string path, int parallel) : IBackendFactory
    {
        public IReadOnlyList<string> Check(ModelSpec spec) => [];

        public async Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken) =>
            await LlamaBackend.LoadAsync(new LlamaModelOptions(path) { Name = spec.Name, Threads = 1, ContextSize = 256, Parallel = parallel }, cancellationToken);
    }
}
