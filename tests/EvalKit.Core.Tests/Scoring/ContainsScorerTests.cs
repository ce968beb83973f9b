using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Scoring;

public sealed class ContainsScorerTests : ScorerContractTests
{
    protected override string ScorerName => "contains";

    protected override EvalCase GradableCase => Case("London", "Paris");

    protected override string RightReply => "I am fairly sure it is PARIS, France.";

    protected override string WrongReply => "It is Rome.";

    [Fact]
    public void Contains_accepts_any_expected_answer_and_says_which_matched()
    {
        // When
        var score = Contains().Score(Case("London", "Paris"), "The capital of France is Paris.");

        // Then
        Assert.Equal(ScoreLabel.Correct, score.Label);
        Assert.Equal("contains \"Paris\"", score.Reason);
    }

    [Fact]
    public void Two_replies_naming_the_same_expected_answer_in_different_words_extract_the_same_answer()
    {
        // When two models both name Ottawa, in different words
        var first = Contains().Score(Case("Ottawa"), "Ottawa is the capital of Canada.");
        var second = Contains().Score(Case("Ottawa"), "Canada's capital is ottawa.");
        var wrong = Contains().Score(Case("Ottawa"), "Toronto.");

        // Then both extract the expected answer (what answer agreement compares), and a wrong reply extracts nothing
        Assert.Equal(("Ottawa", "Ottawa"), (first.Extracted, second.Extracted));
        Assert.Null(wrong.Extracted);
    }

    [Fact]
    public void Contains_collapses_whitespace_on_both_sides()
    {
        Assert.Equal(ScoreLabel.Correct, Contains().Score(Case("New  York"), "It is New\n   York City.").Label);
    }

    [Fact]
    public void Contains_respects_case_when_ignore_case_is_false()
    {
        // Given
        var strict = Contains(("ignore_case", "false"));

        // When / Then
        Assert.Equal(ScoreLabel.Incorrect, strict.Score(Case("Paris"), "paris").Label);
        Assert.Equal(ScoreLabel.Correct, strict.Score(Case("Paris"), "Paris").Label);
    }

    [Fact]
    public void Wrong_reply_reason_lists_the_expected_answers()
    {
        var score = Contains().Score(Case("London", "Paris"), "Rome");

        Assert.Equal("contains none of \"London\", \"Paris\"", score.Reason);
    }

    [Fact]
    public void Blank_expected_answer_matches_nothing_and_is_reported()
    {
        // Given
        var evalCase = Case("  ");

        // When
        var score = Contains().Score(evalCase, "anything");

        // Then
        Assert.Equal(ScoreLabel.Unknown, score.Label);
        Assert.Contains(ScorerCatalog.CaseProblems(new ScorerSpec("contains", new Dictionary<string, string>()), evalCase),
            problem => problem.Contains("blank"));
    }

    private static IScorer Contains(params (string Name, string Value)[] options) =>
        ScorerCatalog.Create(new ScorerSpec("contains", options.ToDictionary(o => o.Name, o => o.Value)));

    private static EvalCase Case(params string[] expected) => new() { Id = "c1", Prompt = "?", Expected = expected };
}
