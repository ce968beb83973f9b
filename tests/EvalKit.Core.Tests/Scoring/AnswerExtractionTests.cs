using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Scoring;

/// <summary>
/// Issue 14 item 3: answers phrased the way models phrase them. The issue's four choice phrasings and its numeric
/// case, plus phrasings written for this test, each against a case whose right answer is not the first letter
/// or number in the reply, so a first-match extractor fails them.
/// </summary>
public sealed class AnswerExtractionTests
{
    private static readonly EvalCase _planets = new()
    {
        Id = "planet",
        Prompt = "Which planet is largest?",
        Choices = ["Mars", "Venus", "Jupiter", "Mercury"],
        Answer = "C",
    };

    [Theory]
    [InlineData("The best option is C.")]
    [InlineData("Correct option: C")]
    [InlineData("I think it's C.")]
    [InlineData("I'm not sure, but I'd say C.")]
    [InlineData("Hmm, Mars is small and Venus is hot. I'd go with C.")]
    [InlineData("My guess would be C")]
    [InlineData("It must be C, since the gas giants are biggest.")]
    [InlineData("Probably C")]
    [InlineData("After weighing A and B, I'm leaning towards C.")]
    [InlineData("I believe the answer is (C) Jupiter.")]
    [InlineData("Final answer: **C**")]
    [InlineData("C is the right one: Jupiter is over 300 Earth masses.")]
    [InlineData("Option C is correct.")]
    [InlineData("I'd pick option C over A.")]
    [InlineData("It is A? No. Mars is small. It is C.")]
    [InlineData("It's not A or B. It's C.")]
    [InlineData("The answer is A. Wait, Mars is tiny, so the answer is actually C.")]
    [InlineData("Let me reason: A is the fourth planet, B the second. The correct choice here is C")]
    [InlineData("$\\boxed{C}$")]
    [InlineData("Réponse : C")]
    [InlineData("我认为答案应该是C。")]
    [InlineData("C是对的。选项A对应火星。")]
    [InlineData("Answer: Ｃ")]
    [InlineData("I wouldn't choose A. I choose C.")]
    public void A_letter_stated_in_everyday_phrasing_is_extracted(string reply)
    {
        // When
        var score = new ChoiceScorer().Score(_planets, reply);

        // Then
        Assert.Equal(ScoreLabel.Correct, score.Label);
        Assert.Equal("C", score.Extracted);
    }

    [Theory]
    [InlineData("The answer is C, though it could be B.", "C")]
    [InlineData("I'd go with D. It might also be A, but D fits best.", "D")]
    [InlineData("Hard to say. It could be B.", "B")]
    [InlineData("Maybe it's not A... it may be C.", "C")]
    public void A_tentative_statement_counts_only_when_no_definite_one_is_made(string reply, string letter)
    {
        // When
        var score = new ChoiceScorer().Score(_planets, reply);

        // Then
        Assert.Equal(letter, score.Extracted);
    }

    [Theory]
    [InlineData("The answer is A or C.", "A, C")]
    [InlineData("I think it's either B or C.", "B, C")]
    [InlineData("Could be A, could be C; I'd say A or C.", "A, C")]
    [InlineData("Probably A and C.", "A, C")]
    public void A_statement_naming_several_letters_stays_ambiguous(string reply, string letters)
    {
        // When
        var score = new ChoiceScorer().Score(_planets, reply);

        // Then
        Assert.Equal(ScoreLabel.Incorrect, score.Label);
        Assert.StartsWith($"ambiguous: {letters} ", score.Reason);
        Assert.Null(score.Extracted);
    }

    [Theory]
    [InlineData("I think it's a gas giant, Jupiter.")]
    [InlineData("It is a planet with a big red spot: Jupiter.")]
    [InlineData("So I think Jupiter.")]
    public void The_words_a_and_I_after_a_cue_are_not_letters(string reply)
    {
        // When
        var score = new ChoiceScorer().Score(_planets, reply);

        // Then the choice text decides, not "a" or "I"
        Assert.Equal(ScoreLabel.Correct, score.Label);
        Assert.Contains("choice's text", score.Reason);
    }

    [Theory]
    [InlineData("I'd go with C, and A is clearly wrong.")]
    [InlineData("The answer is C, not A.")]
    public void A_letter_in_a_following_clause_does_not_join_the_answer(string reply)
    {
        Assert.Equal("C", new ChoiceScorer().Score(_planets, reply).Extracted);
    }

    [Theory]
    [InlineData("The answer is 22 + 70 = 92.", "92")]
    [InlineData("The answer is 15 * 4 = 60 cookies.", "60")]
    [InlineData("So the answer is $1,200 - $350 = $850.", "850")]
    [InlineData("The answer is 7 because she had 4 and got 3 more.", "7")]
    [InlineData("The answer is 92 (22 + 70).", "92")]
    [InlineData("The final answer is:\n\n**48**", "48")]
    [InlineData("Answer: 3 hours → 180 minutes.", "180")]
    [InlineData("She buys 5 boxes. #### 5 * 12 = 60", "60")]
    [InlineData("We get 3/4 of 40 = 30, so \\boxed{30}. Check: 40 - 10 = 30.", "30")]
    [InlineData("Total is \\boxed{\\frac{3}{4}}", "0.75")]
    [InlineData("The answer is -12 degrees.", "-12")]
    [InlineData("The answer is 2.5 liters.", "2.5")]
    [InlineData("The answer is €1,050.", "1050")]
    [InlineData("First 4 + 5 = 9, then 9 * 2 = 18 apples in total.", "18")]
    [InlineData("答案是 12 + 30 = 42。", "42")]
    [InlineData("The answer is:\nafter 3 days she has 45 left.", "45")]
    [InlineData("The answer is below.\n6 + 7 = 13", "13")]
    public void The_last_number_of_the_answer_clause_is_the_answer(string reply, string expected)
    {
        // When
        var score = Numeric().Score(new EvalCase { Id = "n", Prompt = "?", Expected = [expected] }, reply);

        // Then
        Assert.True(score.Label == ScoreLabel.Correct, score.Reason);
    }

    [Fact]
    public void The_issue_case_gives_92_not_22()
    {
        var score = Numeric().Score(new EvalCase { Id = "n", Prompt = "?", Expected = ["92"] }, "The answer is 22 + 70 = 92.");

        Assert.Equal("found 92 (after 'answer is'), expected 92", score.Reason);
    }

    private static IScorer Numeric() => ScorerCatalog.Create(new ScorerSpec("numeric", new Dictionary<string, string>()));
}
