using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.Llama.Tests.Backend;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.LogLikelihood;

public sealed class ChoiceLogLikelihoodRunTests
{
    private const string Prompt = "Once upon a time, there was a";

    // B is the model's own greedy story: 23 likely tokens, but together less likely than the short "big" (acc picks A);
    // per character B is far more likely (acc_norm picks B). "dog." is unlikely either way.
    private static readonly EvalCase Story = new()
    {
        Id = "story",
        Prompt = Prompt,
        Choices = ["big", "little girl named Lily. She loved to play outside in the park.", "dog."],
        Answer = "B",
    };

    [Fact]
    public async Task Run_scores_choices_by_log_likelihood_with_acc_and_acc_norm_and_records_each_choice()
    {
        // Given
        using var temp = new TempDir();
        var suite = new Suite
        {
            Id = "loglik",
            Kind = SuiteKind.Accuracy,
            Scorer = new ScorerSpec(ChoiceLogLikelihoodScorer.TypeName, new Dictionary<string, string>()),
            Cases = [Story],
        };

        // When
        var result = await new EvaluationRunner(new StoriesBackendFactory()).RunAsync(new RunRequest
        {
            Suites = [suite],
            Models = [new ModelSpec("stories", "stories260K")],
            ResultsRoot = temp.Path,
        });

        // Then
        var sample = Assert.Single(SamplesReader.Read(result.Directory.Path));
        Assert.Null(sample.Error);
        Assert.Equal((0.0, ScoreLabel.Incorrect, 1.0), (sample.Score, sample.Label, sample.AccNorm));
        Assert.Equal("big", sample.Completion);
        Assert.Contains("acc chose A", sample.Reason);
        Assert.Contains("acc_norm chose B", sample.Reason);

        var choices = sample.ChoiceLogLikelihoods!;
        Assert.Equal(["A", "B", "C"], choices.Select(c => c.Letter));
        Assert.Equal([" big", " little girl named Lily. She loved to play outside in the park.", " dog."], choices.Select(c => c.Continuation));
        Assert.Equal([3, 62, 4], choices.Select(c => c.Characters));
        Assert.Equal([false, true, false], choices.Select(c => c.IsGreedy));

        var metrics = Assert.Single(result.Metrics.Suites);
        Assert.Equal((0, 1), (metrics.Estimate.Successes, metrics.Estimate.N));
        Assert.Equal((1, 1), (metrics.AccNorm!.Successes, metrics.AccNorm.N));
    }

    [Fact]
    public async Task Acc_picks_the_highest_sum_and_acc_norm_the_highest_per_character()
    {
        // Given
        await using var backend = await LlamaBackend.LoadAsync(Backend.StoriesModelFixture.Options);
        var scorer = new ChoiceLogLikelihoodScorer();

        // When
        var results = new List<LogLikelihoodResult>();
        foreach (var continuation in ChoiceLogLikelihoodScorer.Continuations(Story))
            results.Add(await backend.LogLikelihoodAsync(Prompt, continuation));
        var (acc, accNorm) = scorer.Score(Story, results);

        // Then
        Assert.True(results[0].LogProbability > results[1].LogProbability);
        Assert.True(results[0].LogProbability > results[2].LogProbability);
        Assert.True(results[1].LogProbability / 62 > results[0].LogProbability / 3);
        Assert.True(results[1].LogProbability / 62 > results[2].LogProbability / 4);
        Assert.Equal((ScoreLabel.Incorrect, ScoreLabel.Correct), (acc.Label, accNorm.Label));
    }
}
