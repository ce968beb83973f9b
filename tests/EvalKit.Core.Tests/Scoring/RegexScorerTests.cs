using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Scoring;

public sealed class RegexScorerTests : ScorerContractTests
{
    protected override string ScorerName => "regex";

    protected override EvalCase GradableCase => Case("^London$", @"\bParis\b");

    protected override string RightReply => "It is Paris.";

    protected override string WrongReply => "It is Parisian.";

    [Fact]
    public void Regex_accepts_any_matching_pattern_and_names_it()
    {
        // When
        var score = new RegexScorer().Score(Case("^London$", @"\bParis\b"), "Paris, of course");

        // Then
        Assert.Equal(ScoreLabel.Correct, score.Label);
        Assert.Equal("matches \"\\bParis\\b\"", score.Reason);
    }

    [Fact]
    public void Regex_respects_case_unless_ignore_case_is_true()
    {
        // Given
        var evalCase = Case("Paris");
        var loose = ScorerCatalog.Create(new ScorerSpec("regex", new Dictionary<string, string> { ["ignore_case"] = "true" }));

        // When / Then
        Assert.Equal(ScoreLabel.Incorrect, new RegexScorer().Score(evalCase, "paris").Label);
        Assert.Equal(ScoreLabel.Correct, loose.Score(evalCase, "paris").Label);
    }

    [Fact]
    public void Pattern_that_runs_too_long_gives_an_unknown_score_with_a_reason()
    {
        // Given: a pattern with catastrophic backtracking on a reply that almost matches
        var scorer = new RegexScorer(ignoreCase: false, timeout: TimeSpan.FromMilliseconds(20));
        var evalCase = Case("^(a+)+$");

        // When
        var score = scorer.Score(evalCase, new string('a', 40) + "!");

        // Then
        Assert.Equal(ScoreLabel.Unknown, score.Label);
        Assert.Contains("limit", score.Reason);
    }

    [Fact]
    public void Invalid_pattern_gives_an_unknown_score_and_a_case_problem()
    {
        // Given
        var evalCase = Case("(unclosed");

        // When
        var score = new RegexScorer().Score(evalCase, "(unclosed");
        var problems = ScorerCatalog.CaseProblems(new ScorerSpec("regex", new Dictionary<string, string>()), evalCase);

        // Then
        Assert.Equal(ScoreLabel.Unknown, score.Label);
        Assert.Contains("invalid", score.Reason);
        Assert.Contains("\"(unclosed\" is not a valid .NET regular expression", Assert.Single(problems));
    }

    [Fact]
    public void Invalid_pattern_does_not_hide_a_valid_one_that_matches()
    {
        Assert.Equal(ScoreLabel.Correct, new RegexScorer().Score(Case("(unclosed", "Paris"), "Paris").Label);
    }

    private static EvalCase Case(params string[] expected) => new() { Id = "c1", Prompt = "?", Expected = expected };
}
