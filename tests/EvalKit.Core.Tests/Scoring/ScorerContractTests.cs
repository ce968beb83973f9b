using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Scoring;

/// <summary>
/// What every scorer promises (STYLE.md habit 9): pure, deterministic, a value in [0, 1], a known label, a
/// short non-empty reason, and no exception whatever the model wrote. Each scorer's test class inherits this.
/// </summary>
public abstract class ScorerContractTests
{
    private const int OneMegabyte = 1 << 20;

    private static readonly string[] _labels =
    [
        ScoreLabel.Correct, ScoreLabel.Incorrect, ScoreLabel.Refused, ScoreLabel.Abstained,
        ScoreLabel.Biased, ScoreLabel.Unknown, ScoreLabel.Error, ScoreLabel.Deflected, ScoreLabel.OneSided,
        ScoreLabel.Complied, ScoreLabel.PartialRefusal,
    ];

    private static readonly Dictionary<string, string> _hostileReplies = new()
    {
        ["script tag"] = "<script>alert('x')</script><img src=x onerror=alert(1)>",
        ["control characters"] = "\0\u0001\u0007\b\u001b[31m\u007f\u0085 answer: \0",
        ["lone high surrogate"] = "The answer is \uD800 (B) #### 1\uD800",
        ["lone low surrogate"] = "\uDC00B\uDC00",
        ["reversed surrogate pair"] = "\uDC00\uD800",
        ["right-to-left override"] = "\u202EsiraP\u202C",
        ["regex metacharacters"] = @".*+?()[]{}|\^$ (?<x>) \1",
        ["zero-width characters"] = "\u200B\uFEFF\u200D",
        ["only whitespace"] = " \t\r\n\u00A0 ",
        ["1 MB of one letter"] = new string('a', OneMegabyte),
        ["1 MB of digits"] = new string('9', OneMegabyte),
        ["1 MB of answer phrasings"] = Repeat("The answer is (B). **C** D) #### 1,234 I would choose A 答案是B "),
        ["keywords then 1 MB of spaces"] = "option answer is I would choose 答案" + new string(' ', OneMegabyte) + "xx",
        ["1 MB of short words"] = Repeat("a b (c) is correct "),
    };

    public static TheoryData<string> HostileReplyNames => new(_hostileReplies.Keys);

    /// <summary>The catalog name of the scorer under test.</summary>
    protected abstract string ScorerName { get; }

    /// <summary>Options passed to the catalog; none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string>();

    /// <summary>A case this scorer can grade.</summary>
    protected abstract EvalCase GradableCase { get; }

    protected abstract string RightReply { get; }

    protected abstract string WrongReply { get; }

    /// <summary>The labels of a right and a wrong reply: correct / incorrect, unless the labels name a behaviour (refusal).</summary>
    protected virtual (string Right, string Wrong) Labels => (ScoreLabel.Correct, ScoreLabel.Incorrect);

    protected IScorer CreateScorer() => ScorerCatalog.Create(new ScorerSpec(ScorerName, Options));

    [Fact]
    public void Scorer_is_named_as_in_the_catalog()
    {
        Assert.Equal(ScorerName, CreateScorer().Name);
    }

    [Fact]
    public void Right_reply_is_correct_with_value_1()
    {
        // When
        var score = CreateScorer().Score(GradableCase, RightReply);

        // Then
        Assert.Equal((1.0, Labels.Right), (score.Value, score.Label));
        AssertWellFormed(score);
    }

    [Fact]
    public void Wrong_reply_is_incorrect_with_value_0()
    {
        // When
        var score = CreateScorer().Score(GradableCase, WrongReply);

        // Then
        Assert.Equal((0.0, Labels.Wrong), (score.Value, score.Label));
        AssertWellFormed(score);
    }

    [Fact]
    public void Same_input_twice_gives_the_same_score()
    {
        // Given
        var scorer = CreateScorer();

        // When / Then
        foreach (var reply in new[] { RightReply, WrongReply, "", _hostileReplies["1 MB of answer phrasings"] })
            Assert.Equal(scorer.Score(GradableCase, reply), CreateScorer().Score(GradableCase, reply));
    }

    [Fact]
    public void Empty_reply_is_graded_without_exception()
    {
        // When
        var score = CreateScorer().Score(GradableCase, "");

        // Then
        AssertWellFormed(score);
        Assert.NotEqual(ScoreLabel.Correct, score.Label);
    }

    [Theory]
    [MemberData(nameof(HostileReplyNames), MemberType = typeof(ScorerContractTests))]
    public void Hostile_or_huge_reply_is_graded_without_exception(string name)
    {
        // When
        var score = CreateScorer().Score(GradableCase, _hostileReplies[name]);

        // Then
        AssertWellFormed(score);
    }

    [Fact]
    public void Gradable_case_has_no_case_problems()
    {
        Assert.Empty(ScorerCatalog.CaseProblems(new ScorerSpec(ScorerName, Options), GradableCase));
    }

    /// <summary>True for a scorer that grades a case with no expected answers or choices (censorship).</summary>
    protected virtual bool GradesBareCases => false;

    [Fact]
    public void Case_without_answers_is_unknown_and_reported_as_a_case_problem_unless_the_scorer_grades_bare_cases()
    {
        // Given
        var bare = new EvalCase { Id = "bare", Prompt = "?" };

        // When
        var score = CreateScorer().Score(bare, RightReply);

        // Then
        AssertWellFormed(score);
        var problems = ScorerCatalog.CaseProblems(new ScorerSpec(ScorerName, Options), bare);
        if (GradesBareCases)
            Assert.Equal((Labels.Right, 0), (score.Label, problems.Count));
        else
        {
            Assert.Equal((0.0, ScoreLabel.Unknown), (score.Value, score.Label));
            Assert.NotEmpty(problems);
        }
    }

    private static void AssertWellFormed(Score score)
    {
        Assert.InRange(score.Value, 0, 1);
        Assert.Contains(score.Label, _labels);
        Assert.False(string.IsNullOrWhiteSpace(score.Reason), "the reason is empty");
        Assert.True(score.Reason.Length < 1_000, $"the reason is {score.Reason.Length} characters long");
    }

    private static string Repeat(string phrase) =>
        string.Concat(Enumerable.Repeat(phrase, OneMegabyte / phrase.Length));
}
