using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.Llama.Tests.Backend;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Batching;

public sealed class ParallelRunTests
{
    private static readonly Suite Stories = new()
    {
        Id = "stories",
        Kind = SuiteKind.Custom,
        Digest = "s1",
        Defaults = new GenerationDefaults { MaxTokens = 20 },
        Scorer = new ScorerSpec("contains", new Dictionary<string, string>()),
        Cases =
        [
            .. new[] { "Once upon a time", "The dog ran to the", "Tom had a red", "Lily and her mom went", "One day, a little bird", "The sun was hot and", "Sam did not want to" }
                .Select((prompt, i) => new EvalCase { Id = $"c{i}", Prompt = prompt, Expected = ["the"] }),
            new EvalCase { Id = "too-long", Prompt = string.Concat(Enumerable.Repeat("Once upon a time ", 200)), Expected = ["the"] },
            new EvalCase { Id = "chat", Messages = [new ChatMessage("user", "Tell me about a cat.")], Expected = ["cat"] },
        ],
    };

    private static readonly Suite Choices = new()
    {
        Id = "choices",
        Kind = SuiteKind.Accuracy,
        Digest = "c1",
        Scorer = new ScorerSpec(ChoiceLogLikelihoodScorer.TypeName, new Dictionary<string, string>()),
        Cases = [new EvalCase { Id = "girl", Prompt = "Once upon a time, there was a little", Choices = ["girl", "spreadsheet"], Answer = "A" }],
    };

    private static Task<RunResult> Run(string root, int parallel, string? resume = null) =>
        new EvaluationRunner(new StoriesBackendFactory(parallel)).RunAsync(new RunRequest
        {
            Suites = [Stories, Choices],
            Models = [new ModelSpec("stories", "stories260K")],
            ResultsRoot = root,
            Parallel = parallel,
            ResumeDirectory = resume,
        });

    [Fact]
    public async Task Parallel_run_writes_the_same_samples_in_case_order_as_a_sequential_one()
    {
        // Given
        using var temp = new TempDir();

        // When: 4 requests in flight; the too-long prompt fails alone
        var sequential = SamplesReader.Read((await Run(temp.File("seq"), 1)).Directory.Path);
        var parallel = SamplesReader.Read((await Run(temp.File("par"), 4)).Directory.Path);

        // Then
        Assert.Equal(sequential.Select(Essence), parallel.Select(Essence));
        Assert.Equal([.. Stories.Cases.Select(c => c.Id), "girl"], parallel.Select(s => s.CaseId));
        Assert.Contains("PromptTooLongException", parallel.Single(s => s.CaseId == "too-long").Error);
        Assert.Equal(ScoreLabel.Correct, parallel.Single(s => s.CaseId == "girl").Label);
        Assert.All(parallel.Where(s => s.Error is null && s.Suite == "stories"), s => Assert.InRange(s.TimeToFirstTokenMs, double.Epsilon, s.TotalMs));
    }

    [Fact]
    public async Task Interrupted_parallel_run_resumes_without_duplicates()
    {
        // Given: a finished parallel run whose last three samples are lost, as if it had been killed
        using var temp = new TempDir();
        var first = await Run(temp.Path, 4);
        var complete = SamplesReader.Read(first.Directory.Path);
        var samplesFile = Path.Combine(first.Directory.Path, "samples.jsonl");
        File.WriteAllLines(samplesFile, File.ReadAllLines(samplesFile)[..^3]);

        // When
        var resumed = await Run(temp.Path, 4, resume: first.Directory.Path);

        // Then
        var samples = SamplesReader.Read(resumed.Directory.Path);
        Assert.Equal(complete.Select(Essence), samples.Select(Essence));
        Assert.Equal(samples.Count, samples.Select(s => s.Key).Distinct().Count());
    }

    private static (string, string, string, string?, string) Essence(SampleRecord s) => (s.Suite, s.CaseId, s.Completion, s.FinishReason, s.Label);
}
