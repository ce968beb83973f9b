using EvalKit.Core.Metrics;
using EvalKit.Core.Results;
using EvalKit.Core.Scoring;
using EvalKit.Core.Statistics;
using EvalKit.Core.Suites;

namespace EvalKit.Core.Tests.Metrics;

public class ModelComparerTests
{
    private static readonly string[] Options = ["Paris", "Rome", "Madrid", "Berlin"];

    [Fact]
    public void Answer_agreement_and_kappa_compare_the_extracted_letters_not_the_wording()
    {
        // Given four multiple-choice cases (answers B, C, A, D) scored by the real choice scorer; the models word their
        // replies differently, and disagree only on the third (teacher A, student D)
        string[] answers = ["B", "C", "A", "D"];
        string[] teacher = ["B", "C", "A", "D"];
        string[] student = ["The answer is (B).", "I would choose option C", "Answer: D", "**D**"];
        var samples = answers.SelectMany((answer, i) => new[]
        {
            Scored("teacher", i, answer, teacher[i], new ChoiceScorer()),
            Scored("student", i, answer, student[i], new ChoiceScorer()),
        }).ToList();

        // When
        var comparison = ModelComparer.Compare("s", "teacher", "student", samples);

        // Then agreement is 3/4 (raw text agreed on none). Kappa on the letters: p_o = 3/4; teacher A B C D once
        // each, student B C D D: p_e = ¼·¼ (B) + ¼·¼ (C) + ¼·½ (D) = 1/4; κ = (3/4 − 1/4)/(3/4) = 2/3.
        // Right/wrong: the teacher is always right, so p_e = p_o = 3/4 and correctness κ = 0.
        Assert.Equal(0.75, comparison.AnswerAgreement, 12);
        Assert.Equal(2.0 / 3, comparison.Kappa, 12);
        Assert.Equal(0.0, comparison.CorrectnessKappa, 12);
    }

    [Fact]
    public void Numeric_answers_agree_on_the_number_whatever_surrounds_it()
    {
        // Given a GSM8K-style case both models solve, one with "#### 92", the other in a sentence with dollars
        var samples = new List<SampleRecord>
        {
            Scored("teacher", 0, null, "22 + 70 = 92\n#### 92", new NumericScorer(), expected: "92"),
            Scored("student", 0, null, "So she has $92.00 left.", new NumericScorer(), expected: "92"),
            Scored("teacher", 1, null, "#### 10", new NumericScorer(), expected: "12"),
            Scored("student", 1, null, "She has 11 left.", new NumericScorer(), expected: "12"),
        };

        // When
        var comparison = ModelComparer.Compare("s", "teacher", "student", samples);

        // Then the number is recorded as the extracted answer, and only the first case agrees
        Assert.Equal<string?>(["92", "92", "10", "11"], samples.Select(s => s.Extracted));
        Assert.Equal(0.5, comparison.AnswerAgreement, 12);
    }

    [Fact]
    public void Verdict_needs_the_exact_test_even_when_the_bootstrap_interval_excludes_zero()
    {
        // Given demo-accuracy's shape: 24 cases, the teacher right on all, the student wrong on 5
        var five = ModelComparer.Compare("s", "teacher", "student", Flips(24, wrong: 5)).Overall;
        // and the same with 6 wrong
        var six = ModelComparer.Compare("s", "teacher", "student", Flips(24, wrong: 6)).Overall;

        // Then with 5 discordant pairs McNemar's p = 2·0.5⁵ = 0.0625: the percentile interval lies below 0, but the
        // verdict follows the exact test; with 6, p = 2·0.5⁶ = 0.03125 < 0.05 and the student is worse
        Assert.True(five.High < 0, $"interval [{five.Low}, {five.High}]");
        Assert.Equal(0.0625, five.McNemarP, 12);
        Assert.Equal(ComparisonVerdict.NoSignificantDifference, five.Verdict);
        Assert.Equal(0.03125, six.McNemarP, 12);
        Assert.Equal(ComparisonVerdict.Worse, six.Verdict);
        Assert.Equal(ComparisonVerdict.Better, ModelComparer.Compare("s", "student", "teacher", Flips(24, wrong: 6)).Overall.Verdict);
    }

    [Fact]
    public void Per_tag_verdicts_use_the_benjamini_hochberg_adjusted_p()
    {
        // Given two categories of 24 cases, the student wrong on 6 in each: p = 0.03125 in both, adjusted the same
        var samples = Flips(24, wrong: 6, tags: i => new() { ["category"] = "a" })
            .Concat(Flips(24, wrong: 6, tags: i => new() { ["category"] = "b" }, prefix: "b")).ToList();

        // When
        var byTag = ModelComparer.Compare("s", "teacher", "student", samples).ByTag;

        // Then the adjusted p decides (here equal to the raw one, below 0.05)
        Assert.All(byTag, d => Assert.Equal((ComparisonVerdict.Worse, 0.03125), (d.Verdict, Math.Round(d.AdjustedP!.Value, 12))));
        Assert.Equal(ComparisonVerdict.NoSignificantDifference, (byTag[0] with { AdjustedP = 0.06 }).Verdict);
    }

    [Fact]
    public void Scoring_bookkeeping_tags_are_neither_groups_nor_hypotheses()
    {
        // Given BBQ-style cases tagged with a category, the stereotyped and unknown letters and a pair id
        var samples = Flips(24, wrong: 6, tags: i => new()
        {
            ["category"] = i % 2 == 0 ? "age" : "religion",
            ["stereotyped"] = i % 3 == 0 ? "A" : "B",
            ["unknown"] = "C",
            ["pair"] = $"p{i / 2}",
        });

        // When
        var comparison = ModelComparer.Compare("s", "teacher", "student", samples);
        var metrics = MetricsCalculator.Compute("r", [], samples, ["teacher", "student"]).Suites[0];

        // Then only the category groups are compared, and BH adjusts over those two hypotheses alone
        Assert.Equal(["category=age", "category=religion"], comparison.ByTag.Select(d => d.Group));
        var adjusted = BenjaminiHochberg.Adjust([.. comparison.ByTag.Select(d => d.McNemarP)]);
        Assert.Equal(adjusted, comparison.ByTag.Select(d => d.AdjustedP!.Value));
        Assert.Equal(["category=age", "category=religion"], metrics.ByTag.Select(t => t.Tag));
    }

    private static SampleRecord Scored(string model, int index, string? answer, string reply, IScorer scorer, string? expected = null)
    {
        var evalCase = new EvalCase
        {
            Id = $"case-{index}",
            Prompt = "Which?",
            Choices = answer is null ? [] : Options,
            Answer = answer,
            Expected = expected is null ? [] : [expected],
        };
        var score = scorer.Score(evalCase, reply);
        return new SampleRecord
        {
            Model = model, Suite = "s", CaseId = evalCase.Id, Completion = reply,
            Score = score.Value, Label = score.Label, Extracted = score.Extracted,
        };
    }

    private static List<SampleRecord> Flips(int cases, int wrong, Func<int, Dictionary<string, string>>? tags = null, string prefix = "") =>
    [
        .. from i in Enumerable.Range(0, cases)
           from model in new[] { "teacher", "student" }
           let right = model == "teacher" || i >= wrong
           select new SampleRecord
           {
               Model = model, Suite = "s", CaseId = $"{prefix}case-{i}",
               Score = right ? 1 : 0, Label = right ? ScoreLabel.Correct : ScoreLabel.Incorrect,
               Tags = tags?.Invoke(i) ?? new Dictionary<string, string>(),
           },
    ];
}
