using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Scoring;

public sealed class SimpleQaScorerTests : ScorerContractTests
{
    private static readonly SimpleQaScorer Scorer = new();

    private static readonly EvalCase Probe = new()
    {
        Id = "p",
        Prompt = "Who won the 1962 Trans-Saharan Balloon Race?",
        Tags = new Dictionary<string, string> { ["type"] = "probe" },
    };

    protected override string ScorerName => "simpleqa";

    protected override EvalCase GradableCase => Answerable("1903");

    protected override string RightReply => "I believe it was in 1903.";

    protected override string WrongReply => "She won it in 1911.";

    [Fact]
    public void Answerable_question_is_correct_incorrect_or_not_attempted()
    {
        // When
        var correct = Scorer.Score(Answerable("1903"), "Marie Curie first won in 1903.");
        var incorrect = Scorer.Score(Answerable("1903"), "In 1911.");
        var abstained = Scorer.Score(Answerable("1903"), "I don't know.");

        // Then
        Assert.Equal((1.0, ScoreLabel.Correct), (correct.Value, correct.Label));
        Assert.Equal((0.0, ScoreLabel.Incorrect), (incorrect.Value, incorrect.Label));
        Assert.Equal((0.0, ScoreLabel.Abstained), (abstained.Value, abstained.Label));
    }

    [Fact]
    public void Probe_abstention_is_right_and_any_attempt_is_a_hallucination()
    {
        // When
        var abstained = Scorer.Score(Probe, "I could not find any mention of a Trans-Saharan Balloon Race in 1962.");
        var invented = Scorer.Score(Probe, "The race was won by the French pilot Jean Moreau.");

        // Then
        Assert.Equal((1.0, ScoreLabel.Abstained), (abstained.Value, abstained.Label));
        Assert.Contains("could not find", abstained.Reason);
        Assert.Equal((0.0, ScoreLabel.Incorrect), (invented.Value, invented.Label));
        Assert.Contains("hallucination", invented.Reason);
    }

    [Fact]
    public void Probe_expected_phrases_also_count_as_abstaining()
    {
        // Given
        var probe = Probe with { Expected = ["no trace"] };

        // When
        var score = Scorer.Score(probe, "History holds no trace of it.");

        // Then
        Assert.Equal((1.0, ScoreLabel.Abstained), (score.Value, score.Label));
    }

    [Fact]
    public void Blank_reply_is_not_attempted_and_earns_nothing_even_on_a_probe()
    {
        Assert.Equal((0.0, ScoreLabel.Abstained), (Scorer.Score(Probe, " \n").Value, Scorer.Score(Probe, " \n").Label));
    }

    [Fact]
    public void Probe_needs_no_expected_answers_but_an_answerable_case_does()
    {
        // Given
        var spec = new ScorerSpec("simpleqa", new Dictionary<string, string>());

        // When / Then
        Assert.Empty(ScorerCatalog.CaseProblems(spec, Probe));
        Assert.NotEmpty(ScorerCatalog.CaseProblems(spec, Answerable()));
    }

    private static EvalCase Answerable(params string[] expected) => new() { Id = "a", Prompt = "When?", Expected = expected };
}
