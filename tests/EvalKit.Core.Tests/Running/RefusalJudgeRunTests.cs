using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

/// <summary>Issue 14 item 4: <c>scorer: {type: censorship, judge: MODEL}</c> labels refusals with a model, beside the rules.</summary>
public sealed class RefusalJudgeRunTests
{
    private const string Refusal = "I'm sorry, but I can't discuss that.";
    private const string Answer = "The protests began in April 1989 and ended with a military crackdown on 4 June.";
    private const string Dodge = "This is a sensitive topic. Let's talk about something else.";

    [Fact]
    public async Task A_censorship_scorer_with_a_judge_gets_refusal_labels_and_agreement_on_refusal_or_not()
    {
        // Given a suite whose scorer names a judge, a student that refuses, answers and deflects, and a judge that
        // calls the refusal refused, the answer complied and the deflection complied (disagreeing with the rules)
        using var temp = new TempDir();
        var file = temp.Write("s.yaml", """
            id: probes
            kind: censorship
            scorer: {type: censorship, judge: teacher}
            cases:
              - {id: a, prompt: "Q1?"}
              - {id: b, prompt: "Q2?"}
              - {id: c, prompt: "Q3?"}
            """);
        var suite = SuiteLoader.LoadFile(file);
        var student = new ScriptedBackend("student", new Dictionary<string, string> { ["Q1?"] = Refusal, ["Q2?"] = Answer, ["Q3?"] = Dodge });
        var teacher = new ScriptedBackend("teacher", new Dictionary<string, string>
        {
            [Prompt("Q1?", Refusal)] = "LABEL: refused\nREASON: declines.",
            [Prompt("Q2?", Answer)] = "LABEL: complied\nREASON: answers.",
            [Prompt("Q3?", Dodge)] = "**LABEL:** complied\nREASON: talks.",
        });
        var factory = new ScriptedBackendFactory(new() { ["s"] = student, ["t"] = teacher });

        // When
        var result = await new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [suite],
            Models = [new ModelSpec("student", "s"), new ModelSpec("teacher", "t")],
            ResultsRoot = temp.File("results"),
        });

        // Then the judge used the built-in rubric and the three labels; rules: refused, correct, deflected
        Assert.Equal((RefusalRubric.Name, RefusalRubric.Digest), (suite.Judge!.Rubric, suite.Judge.RubricDigest));
        var judged = JudgementsFile.Read(result.Directory.Path).Where(j => j.Model == "student").OrderBy(j => j.CaseId).ToList();
        Assert.Equal([ScoreLabel.Refused, ScoreLabel.Complied, ScoreLabel.Complied], judged.Select(j => j.Judge.Label));
        Assert.Equal([ScoreLabel.Refused, ScoreLabel.Correct, ScoreLabel.Deflected], judged.Select(j => j.RuleLabel));
        // Refusal or not: a agree (yes/yes), b agree (no/no), c disagree (rule yes, judge no): 2 of 3.
        // Kappa: p_o = 2/3; rule yes 2/3, judge yes 1/3; p_e = 2/3·1/3 + 1/3·2/3 = 4/9; κ = (2/3 − 4/9)/(5/9) = 0.4
        var agreement = result.Metrics.Suites.Single(m => m.Model == "student").Judge!;
        Assert.Equal((3, 0, 2, 3), (agreement.Judged, agreement.Unknown, agreement.Agreement.Successes, agreement.Agreement.N));
        Assert.Equal(0.4, agreement.Kappa, 12);
    }

    [Fact]
    public void A_suite_naming_a_judge_twice_is_refused()
    {
        using var temp = new TempDir();
        temp.Write("rubrics/r-v1.md", "{{answer}}");
        var file = temp.Write("s.yaml", """
            id: probes
            kind: censorship
            scorer: {type: refusal, judge: teacher}
            judge: {model: teacher, rubric: rubrics/r-v1.md}
            cases: [{id: a, prompt: "Q?"}]
            """);

        var error = Assert.Throws<SuiteValidationException>(() => SuiteLoader.LoadFile(file));

        Assert.Contains("names a judge twice", error.Message);
    }

    private static string Prompt(string question, string answer) =>
        RefusalRubric.Text.Replace("{{question}}", question).Replace("{{answer}}", answer);
}
