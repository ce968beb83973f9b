using System.Security.Cryptography;
using System.Text;
using EvalKit.Core.Backends;
using EvalKit.Core.Results;
using EvalKit.Core.Running;
using EvalKit.Core.Scoring;
using EvalKit.Core.Suites;
using EvalKit.TestSupport;

namespace EvalKit.Core.Tests.Running;

public class JudgeRunTests
{
    private const string Rubric = "Grade: {{answer}}";

    // The judge (teacher) sees "Grade: <answer>" and replies from this script.
    private static readonly Dictionary<string, string> TeacherScript = new()
    {
        ["France?"] = "Paris", ["Italy?"] = "Rome", ["Japan?"] = "Tokyo",
        ["Grade: Paris"] = "LABEL: correct\nREASON: Paris is right.",
        ["Grade: Rome"] = "LABEL: correct\nREASON: Rome is right.",
        ["Grade: Milan"] = "LABEL: correct\nREASON: lenient.",
        ["Grade: Tokyo"] = "Looks fine to me!",
        ["Grade: Kyoto"] = "LABEL: incorrect\nREASON: Tokyo is the capital.",
    };

    [Fact]
    public async Task Judge_grades_every_answer_after_generation_and_metrics_report_its_agreement()
    {
        // Given
        using var temp = new TempDir();
        var teacher = new ScriptedBackend("teacher", TeacherScript);
        var student = new ScriptedBackend("student", new Dictionary<string, string>
        { ["France?"] = "Paris", ["Italy?"] = "Milan", ["Japan?"] = "Kyoto" });
        var factory = new ScriptedBackendFactory(new() { ["t"] = teacher, ["s"] = student });

        // When
        var result = await Run(factory, Suite(temp), temp);

        // Then: the teacher is loaded again, after both models answered, to judge all six answers
        Assert.Equal(["teacher", "student", "teacher"], factory.Loaded);
        var judgements = JudgementsFile.Read(result.Directory.Path);
        Assert.Equal(6, judgements.Count);
        var milan = judgements.Single(j => j.Model == "student" && j.CaseId == "it");
        Assert.Equal(("teacher", ScoreLabel.Correct, "lenient.", "Grade: Milan"), (milan.Judge.Model, milan.Judge.Label, milan.Judge.Reason, milan.Judge.Prompt));
        Assert.Equal(ScoreLabel.Incorrect, milan.RuleLabel);
        var tokyo = judgements.Single(j => j.Model == "teacher" && j.CaseId == "jp");
        Assert.Equal((ScoreLabel.Unknown, "Looks fine to me!"), (tokyo.Judge.Label, tokyo.Judge.Raw));

        // Student: fr agree (right/right), it disagree (rule wrong, judge right), jp agree (wrong/wrong)
        var agreement = result.Metrics.Suites.Single(m => m.Model == "student").Judge!;
        Assert.Equal((3, 0, 2, 3), (agreement.Judged, agreement.Unknown, agreement.Agreement.Successes, agreement.Agreement.N));
        // Kappa by hand: p_o = 2/3; rule right 1/3, judge right 2/3; p_e = 1/3·2/3 + 2/3·1/3 = 4/9; κ = (2/3 − 4/9)/(5/9) = 0.4
        Assert.Equal(0.4, agreement.Kappa, 12);
        var teacherAgreement = result.Metrics.Suites.Single(m => m.Model == "teacher").Judge!;
        Assert.Equal((3, 1, 2), (teacherAgreement.Judged, teacherAgreement.Unknown, teacherAgreement.Agreement.N));
        Assert.Equal(Sha256(Rubric), result.Manifest.Suites.Single().Judge!.RubricDigest);
    }

    [Fact]
    public async Task Resume_judges_only_the_answers_without_a_verdict()
    {
        // Given a run whose judging stopped after two verdicts
        using var temp = new TempDir();
        var suite = Suite(temp);
        var run = await Run(new ScriptedBackendFactory(new() { ["t"] = new ScriptedBackend("teacher", TeacherScript) }), suite, temp, student: false);
        var path = Path.Combine(run.Directory.Path, JudgementRecord.FileName);
        File.WriteAllLines(path, File.ReadAllLines(path).Take(2));

        // When
        var judge = new ScriptedBackend("teacher", TeacherScript);
        await Run(new ScriptedBackendFactory(new() { ["t"] = judge }), suite, temp, student: false, resume: run.Directory.Path);

        // Then
        Assert.Equal(["Grade: Tokyo"], judge.Requests.Select(r => r.Messages!.Single().Content));
        Assert.Equal(3, JudgementsFile.Read(run.Directory.Path).Select(j => j.Key).Distinct().Count());
    }

    [Fact]
    public async Task A_judge_that_is_not_a_run_model_is_refused_before_loading()
    {
        using var temp = new TempDir();
        var factory = new ScriptedBackendFactory(new() { ["s"] = new ScriptedBackend("student", new Dictionary<string, string>()) });

        var error = await Assert.ThrowsAsync<EvalKitException>(() => new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [Suite(temp)], Models = [new ModelSpec("student", "s")], ResultsRoot = temp.Path,
        }));

        Assert.Contains("its judge model 'teacher' is not one of the run's models (student)", error.Message);
        Assert.Empty(factory.Loaded);
    }

    private static Suite Suite(TempDir temp) => new()
    {
        Id = "capitals",
        Kind = SuiteKind.Accuracy,
        Digest = "abc",
        Judge = new JudgeSpec
        {
            Model = "teacher", Rubric = "r.md", RubricPath = temp.Write("rubrics/r.md", Rubric), RubricDigest = Sha256(Rubric),
        },
        Cases =
        [
            new EvalCase { Id = "fr", Prompt = "France?", Expected = ["Paris"] },
            new EvalCase { Id = "it", Prompt = "Italy?", Expected = ["Rome"] },
            new EvalCase { Id = "jp", Prompt = "Japan?", Expected = ["Tokyo"] },
        ],
    };

    private static Task<RunResult> Run(ScriptedBackendFactory factory, Suite suite, TempDir temp, bool student = true, string? resume = null) =>
        new EvaluationRunner(factory).RunAsync(new RunRequest
        {
            Suites = [suite],
            Models = student ? [new ModelSpec("teacher", "t"), new ModelSpec("student", "s")] : [new ModelSpec("teacher", "t")],
            ResultsRoot = Path.Combine(temp.Path, "results"),
            ResumeDirectory = resume,
        });

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
