using EvalKit.Core.Backends;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Scoring;

public sealed class ChoiceLogLikelihoodScorerTests
{
    private static readonly EvalCase Animals = new()
    {
        Id = "animals",
        Prompt = "The largest land animal is the",
        Choices = ["cat", "elephant"],
        Answer = "B",
    };

    private static LogLikelihoodResult Ll(double logProbability) => new(logProbability, 2, false);

    [Fact]
    public void Acc_takes_the_highest_sum_and_acc_norm_the_highest_per_character()
    {
        // Given: cat −2.0 (−0.667 per character), elephant −3.0 (−0.375 per character)
        var scorer = new ChoiceLogLikelihoodScorer();

        // When
        var (acc, accNorm) = scorer.Score(Animals, [Ll(-2.0), Ll(-3.0)]);

        // Then
        Assert.Equal((0.0, ScoreLabel.Incorrect), (acc.Value, acc.Label));
        Assert.Equal((1.0, ScoreLabel.Correct), (accNorm.Value, accNorm.Label));
        Assert.Equal("acc chose A (log p -2); acc_norm chose B (log p per character -0.375); expected B", acc.Reason);
    }

    [Fact]
    public void Ties_go_to_the_earlier_choice_as_numpy_argmax_does()
    {
        var tied = Animals with { Choices = ["dog", "cat"], Answer = "A" };

        var (acc, accNorm) = new ChoiceLogLikelihoodScorer().Score(tied, [Ll(-1.5), Ll(-1.5)]);

        Assert.Equal((ScoreLabel.Correct, ScoreLabel.Correct), (acc.Label, accNorm.Label));
    }

    [Fact]
    public void Continuations_are_the_choices_after_a_space_unless_the_prompt_ends_in_whitespace()
    {
        Assert.Equal([" cat", " elephant"], ChoiceLogLikelihoodScorer.Continuations(Animals));
        Assert.Equal(["cat", "elephant"], ChoiceLogLikelihoodScorer.Continuations(Animals with { Prompt = "Answer:\n" }));
    }

    [Theory]
    [InlineData("elephant", 8)]
    [InlineData("日本", 2)]
    [InlineData("🐘 big", 5)]
    public void Length_for_acc_norm_counts_characters_as_code_points(string choice, int characters)
    {
        Assert.Equal(characters, ChoiceLogLikelihoodScorer.Characters(choice));
    }

    [Fact]
    public void Chat_cases_blank_choices_and_missing_answers_are_case_problems()
    {
        var spec = new ScorerSpec(ChoiceLogLikelihoodScorer.TypeName, new Dictionary<string, string>());
        var chat = Animals with { Prompt = null, Messages = [new ChatMessage("user", "Largest land animal?")] };
        var blank = Animals with { Choices = ["cat", " "] };
        var noAnswer = Animals with { Answer = null };

        Assert.Empty(ScorerCatalog.CaseProblems(spec, Animals));
        Assert.Contains("needs a raw 'prompt'", Assert.Single(ScorerCatalog.CaseProblems(spec, chat)));
        Assert.Contains("choice B is blank", Assert.Single(ScorerCatalog.CaseProblems(spec, blank)));
        Assert.Contains("'answer' must be one choice letter", Assert.Single(ScorerCatalog.CaseProblems(spec, noAnswer)));
    }

    [Fact]
    public void Generated_text_is_not_scored()
    {
        var score = new ChoiceLogLikelihoodScorer().Score(Animals, "B");

        Assert.Equal(ScoreLabel.Unknown, score.Label);
        Assert.Contains("log-probability", score.Reason);
    }
}
