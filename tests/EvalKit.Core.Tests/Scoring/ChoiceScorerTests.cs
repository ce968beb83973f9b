using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Scoring;

public sealed class ChoiceScorerTests : ScorerContractTests
{
    private static readonly EvalCase _capital = Question("B", "Berlin", "Paris", "Rome", "Madrid");
    private static readonly EvalCase _animal = Question("B", "Dog", "Cat", "Fish", "Bird");

    protected override string ScorerName => "choice";

    protected override EvalCase GradableCase => _capital;

    protected override string RightReply => "The answer is (B).";

    protected override string WrongReply => "C) Rome";

    [Theory]
    [InlineData("B")]
    [InlineData("b")]
    [InlineData("B.")]
    [InlineData("(B)")]
    [InlineData("[B]")]
    [InlineData("**B**")]
    [InlineData("Option B")]
    [InlineData("B) Paris")]
    [InlineData("B. Paris")]
    [InlineData("(B) Paris")]
    [InlineData("Answer: B")]
    [InlineData("Answer: b")]
    [InlineData("**Answer:** B")]
    [InlineData("The answer is (B).")]
    [InlineData("The correct answer is B because Paris is the capital of France.")]
    [InlineData("I would choose option B")]
    [InlineData("B is correct.")]
    [InlineData("答案是B")]
    [InlineData("答案：B。")]
    [InlineData("Berlin is in Germany and Rome in Italy, so the answer is B.")]
    [InlineData("The answer is (B). (A) is wrong because Berlin is in Germany.")]
    [InlineData("The answer is B. Yes, B is correct.")]
    public void Choice_reads_the_letter_from_common_phrasings(string reply)
    {
        // When
        var score = new ChoiceScorer().Score(_capital, reply);

        // Then
        Assert.Equal(ScoreLabel.Correct, score.Label);
        Assert.StartsWith("chose B ", score.Reason);
    }

    [Theory]
    [InlineData("Paris")]
    [InlineData("paris.")]
    [InlineData("It is Paris, of course.")]
    [InlineData("The answer is a city on the Seine: Paris.")]
    public void Choice_falls_back_to_the_text_of_exactly_one_choice(string reply)
    {
        Assert.Equal(ScoreLabel.Correct, new ChoiceScorer().Score(_capital, reply).Label);
    }

    [Fact]
    public void Article_A_at_the_start_is_not_taken_as_a_letter()
    {
        // When
        var score = new ChoiceScorer().Score(_animal, "A cat is a small feline.");

        // Then
        Assert.Equal(ScoreLabel.Correct, score.Label);
        Assert.StartsWith("chose B ", score.Reason);
    }

    [Fact]
    public void Explicit_statement_wins_over_the_article_A()
    {
        var score = new ChoiceScorer().Score(_animal, "A dog barks, but the answer is (C).");

        Assert.Equal("chose C (from an answer statement); expected B", score.Reason);
    }

    [Theory]
    [InlineData("(A) or (C)", "A, C")]
    [InlineData("Either Paris or Rome.", "B, C")]
    public void Several_different_letters_are_ambiguous_and_incorrect(string reply, string letters)
    {
        // When
        var score = new ChoiceScorer().Score(_capital, reply);

        // Then
        Assert.Equal(ScoreLabel.Incorrect, score.Label);
        Assert.StartsWith($"ambiguous: {letters} ", score.Reason);
    }

    [Theory]
    [InlineData("The answer is (E).")]
    [InlineData("I don't know.")]
    [InlineData("")]
    public void Reply_without_a_valid_letter_or_choice_is_incorrect(string reply)
    {
        // When
        var score = new ChoiceScorer().Score(_capital, reply);

        // Then
        Assert.Equal(ScoreLabel.Incorrect, score.Label);
        Assert.Equal("no choice letter (A to D) or choice text found; expected B", score.Reason);
    }

    [Fact]
    public void Wrong_letter_reason_states_the_extracted_letter()
    {
        var score = new ChoiceScorer().Score(_capital, "D");

        Assert.Equal("chose D (from the whole reply); expected B", score.Reason);
    }

    [Theory]
    [InlineData("E")]
    [InlineData("BC")]
    [InlineData(null)]
    public void Answer_outside_the_choices_is_unknown_and_a_case_problem(string? answer)
    {
        // Given
        var evalCase = _capital with { Answer = answer };

        // When
        var score = new ChoiceScorer().Score(evalCase, "B");
        var problems = ScorerCatalog.CaseProblems(new ScorerSpec("choice", new Dictionary<string, string>()), evalCase);

        // Then
        Assert.Equal(ScoreLabel.Unknown, score.Label);
        Assert.Contains("one choice letter (A to D)", Assert.Single(problems));
    }

    [Fact]
    public void Lower_case_answer_letter_in_the_case_is_accepted()
    {
        Assert.Equal(ScoreLabel.Correct, new ChoiceScorer().Score(_capital with { Answer = "b" }, "(B)").Label);
    }

    private static EvalCase Question(string answer, params string[] choices) =>
        new() { Id = "q1", Prompt = "Which?", Choices = choices, Answer = answer };
}
