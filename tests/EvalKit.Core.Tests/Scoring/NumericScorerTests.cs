using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Scoring;

public sealed class NumericScorerTests : ScorerContractTests
{
    protected override string ScorerName => "numeric";

    protected override EvalCase GradableCase => Case("18");

    protected override string RightReply => "She makes 9 * 2 = 18 dollars.\n#### 18";

    protected override string WrongReply => "#### 17";

    [Theory]
    [InlineData("18 dollars", "18.0")]
    [InlineData("#### 1,234", "1234")]
    [InlineData("$18.00", "18")]
    [InlineData("-5", "-5")]
    [InlineData("It dropped to -5 degrees.", "-5")]
    [InlineData("The answer is 25%.", "25")]
    [InlineData("3/4", "0.75")]
    [InlineData("Between 3-5 apples, so 5", "5")]
    [InlineData("Total: 1,000,000.50", "1000000.5")]
    public void Numeric_reads_numbers_in_their_usual_spellings(string reply, string expected)
    {
        Assert.Equal(ScoreLabel.Correct, Numeric().Score(Case(expected), reply).Label);
    }

    [Fact]
    public void Gsm8k_style_reasoning_is_graded_on_the_stated_answer()
    {
        // Given
        const string reply = "Each box holds 6 rows of 7 eggs, so 6 * 7 = 42 eggs per box. "
            + "Two boxes would be 84, but only one was bought. The answer is 42.";

        // When
        var score = Numeric().Score(Case("42"), reply);

        // Then
        Assert.Equal(ScoreLabel.Correct, score.Label);
        Assert.Equal("found 42 (after 'answer is'), expected 42", score.Reason);
    }

    [Theory]
    [InlineData("#### 72\nThen 5 more were added later.", "72", "after ####")]
    [InlineData("The answer is 42.\nI checked it with 6 and 7.", "42", "after 'answer is'")]
    [InlineData("First 3, then 7, finally 12", "12", "last number")]
    public void Numeric_prefers_hashes_then_answer_is_then_the_last_number(string reply, string expected, string where)
    {
        // When
        var score = Numeric().Score(Case(expected), reply);

        // Then
        Assert.Equal(ScoreLabel.Correct, score.Label);
        Assert.Contains($"({where})", score.Reason);
    }

    [Fact]
    public void Different_number_is_incorrect_and_the_reason_shows_both()
    {
        var score = Numeric().Score(Case("-5"), "5");

        Assert.Equal((ScoreLabel.Incorrect, "found 5 (last number), expected -5"), (score.Label, score.Reason));
    }

    [Fact]
    public void Reply_without_a_number_is_incorrect()
    {
        var score = Numeric().Score(Case("18"), "I cannot say.");

        Assert.Equal((ScoreLabel.Incorrect, "no number found"), (score.Label, score.Reason));
    }

    [Fact]
    public void Tolerance_widens_what_counts_as_equal()
    {
        // Given
        var reply = "Pi is about 3.14159";

        // When / Then
        Assert.Equal(ScoreLabel.Incorrect, Numeric().Score(Case("3.14"), reply).Label);
        Assert.Equal(ScoreLabel.Correct, Numeric(("tolerance", "0.01")).Score(Case("3.14"), reply).Label);
    }

    [Fact]
    public void Expected_answer_that_is_not_a_number_is_unknown_and_a_case_problem()
    {
        // Given
        var evalCase = Case("eighteen");

        // When
        var score = Numeric().Score(evalCase, "18");
        var problems = ScorerCatalog.CaseProblems(new ScorerSpec("numeric", new Dictionary<string, string>()), evalCase);

        // Then
        Assert.Equal(ScoreLabel.Unknown, score.Label);
        Assert.Contains("\"eighteen\" is not a number", Assert.Single(problems));
    }

    private static IScorer Numeric(params (string Name, string Value)[] options) =>
        ScorerCatalog.Create(new ScorerSpec("numeric", options.ToDictionary(o => o.Name, o => o.Value)));

    private static EvalCase Case(params string[] expected) => new() { Id = "c1", Prompt = "?", Expected = expected };
}
