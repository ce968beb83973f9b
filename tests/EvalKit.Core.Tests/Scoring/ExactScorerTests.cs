using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Scoring;

public sealed class ExactScorerTests : ScorerContractTests
{
    protected override string ScorerName => "exact";

    protected override EvalCase GradableCase => Case("eiffel tower");

    protected override string RightReply => "The Eiffel Tower.";

    protected override string WrongReply => "Big Ben";

    [Theory]
    [InlineData("The Eiffel Tower.", "eiffel tower")]
    [InlineData("  eiffel \n  TOWER ", "Eiffel Tower")]
    [InlineData("An apple!", "apple")]
    [InlineData("\"Eiffel-Tower\"", "EiffelTower")]
    [InlineData("visit the tower", "Visit Tower")]
    public void Exact_ignores_case_punctuation_articles_and_spacing(string reply, string expected)
    {
        // When
        var score = Exact().Score(Case(expected), reply);

        // Then
        Assert.Equal(ScoreLabel.Correct, score.Label);
    }

    [Theory]
    [InlineData("The Eiffel Tower in Paris", "Eiffel Tower")]
    [InlineData("Theatre", "atre")]
    [InlineData("Eiffel Tower", "")]
    public void Exact_rejects_replies_that_only_contain_the_answer(string reply, string expected)
    {
        Assert.Equal(ScoreLabel.Incorrect, Exact().Score(Case(expected), reply).Label);
    }

    [Fact]
    public void Exact_accepts_any_expected_answer_and_names_it()
    {
        // Given
        var evalCase = Case("Paris", "City of Light");

        // When
        var score = Exact().Score(evalCase, "the city of light");

        // Then
        Assert.Equal(ScoreLabel.Correct, score.Label);
        Assert.Contains("\"City of Light\"", score.Reason);
    }

    [Fact]
    public void Wrong_reply_reason_shows_the_normalised_reply()
    {
        var score = Exact().Score(Case("Paris"), "  The LONDON! ");

        Assert.Equal("normalised reply \"london\" equals none of \"Paris\"", score.Reason);
    }

    [Theory]
    [InlineData("ignore_case", "eiffel tower", "Eiffel Tower")]
    [InlineData("collapse_whitespace", "Eiffel  Tower", "Eiffel Tower")]
    [InlineData("strip_punctuation", "Eiffel Tower.", "Eiffel Tower")]
    [InlineData("strip_articles", "The Eiffel Tower", "Eiffel Tower")]
    public void Each_normalisation_can_be_turned_off(string option, string reply, string expected)
    {
        // Given
        var on = Exact();
        var off = Exact((option, "false"));

        // When / Then
        Assert.Equal(ScoreLabel.Correct, on.Score(Case(expected), reply).Label);
        Assert.Equal(ScoreLabel.Incorrect, off.Score(Case(expected), reply).Label);
    }

    [Fact]
    public void Surrounding_whitespace_is_trimmed_even_with_every_normalisation_off()
    {
        // Given
        var strict = Exact(("ignore_case", "false"), ("collapse_whitespace", "false"),
            ("strip_punctuation", "false"), ("strip_articles", "false"));

        // When / Then
        Assert.Equal(ScoreLabel.Correct, strict.Score(Case("The Eiffel Tower."), " \n The Eiffel Tower.\t").Label);
        Assert.Equal(ScoreLabel.Incorrect, strict.Score(Case("The Eiffel Tower."), "the Eiffel Tower.").Label);
    }

    private static IScorer Exact(params (string Name, string Value)[] options) =>
        ScorerCatalog.Create(new ScorerSpec("exact", options.ToDictionary(o => o.Name, o => o.Value)));

    private static EvalCase Case(params string[] expected) => new() { Id = "c1", Prompt = "?", Expected = expected };
}
