using System.Text.Json;
using EvalKit.Core;
using EvalKit.Llama.Fixtures;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>A suite judge end to end through the real program and llama.cpp, on fixture models and stories260K.</summary>
public class JudgeCommandTests
{
    [Fact]
    public async Task A_judge_reply_without_a_label_is_recorded_as_unknown_with_its_raw_text()
    {
        // Given: stories260K judges its own answers with the repository's rubric; it writes stories, not "LABEL:"
        using var temp = new TempDir();
        var rubric = RepositoryPaths.Combine("rubrics", "default-v1.md");
        var suite = temp.Write("suites/judged.yaml", $"""
            id: judged
            kind: accuracy
            defaults: {"{"}max_tokens: 16{"}"}
            scorer: contains
            judge: {"{"}model: tiny, rubric: '{rubric}', max_tokens: 24{"}"}
            cases:
              - {"{"}id: once, prompt: Once upon a time, expected: [the]{"}"}
              - {"{"}id: dog, prompt: The little dog, expected: [the]{"}"}
            """);

        // When
        var result = await EvalKitProcess.RunAsync(temp.Path,
            "run", "-s", suite, "-m", "tiny=" + SharedAssets.Stories260K, "-t", "1", "-o", "results");

        // Then
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var runDir = Directory.GetDirectories(temp.File("results")).Single();
        var samples = File.ReadAllLines(Path.Combine(runDir, "samples.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var judgements = File.ReadAllLines(Path.Combine(runDir, "judgements.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, judgements.Count);
        foreach (var judgement in judgements)
        {
            var judge = judgement.GetProperty("judge");
            var raw = judge.GetProperty("raw").GetString()!;
            var answer = samples.Single(s => s.GetProperty("case_id").GetString() == judgement.GetProperty("case_id").GetString())
                .GetProperty("completion").GetString()!;
            Assert.Equal(("tiny", "unknown"), (judge.GetProperty("model").GetString(), judge.GetProperty("label").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(raw), judgement.ToString());
            Assert.StartsWith("judge reply has no 'LABEL:' line: ", judge.GetProperty("reason").GetString());
            Assert.Contains("Answer to grade:\n" + answer + "\n", judge.GetProperty("prompt").GetString());
        }

        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "metrics.json")));
        var agreement = metrics.RootElement.GetProperty("suites")[0].GetProperty("judge");
        Assert.Equal((2, 2), (agreement.GetProperty("judged").GetInt32(), agreement.GetProperty("unknown").GetInt32()));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")));
        Assert.Equal(64, manifest.RootElement.GetProperty("suites")[0].GetProperty("judge").GetProperty("rubric_digest").GetString()!.Length);
    }

    [Fact]
    public async Task Programmed_teacher_judges_both_models_and_the_agreement_is_exactly_as_programmed()
    {
        // Given: the teacher answers right and judges; the student writes "Roma", which the rule-based scorer
        // (contains "Rome") fails and the judge accepts, so the two disagree on exactly that answer.
        using var temp = new TempDir();
        var rubricPath = RepositoryPaths.Combine("rubrics", "default-v1.md");
        var rubric = File.ReadAllText(rubricPath);
        string JudgePrompt(string question, string expected, string answer) =>
            "User: " + rubric.Replace("{{question}}", question).Replace("{{expected}}", expected).Replace("{{answer}}", answer)
            + "\nAssistant:"; // the transcript a model without a chat template is given
        FixturePair[] teacherPairs =
        [
            new("Capital of France?", "Paris"),
            new("Capital of Italy?", "Rome"),
            new(JudgePrompt("Capital of France?", "Paris", "Paris"), "LABEL: correct\nREASON: Paris is the capital."),
            new(JudgePrompt("Capital of Italy?", "Rome", "Rome"), "LABEL: correct\nREASON: Rome is the capital."),
            new(JudgePrompt("Capital of Italy?", "Rome", "Roma"), "**LABEL:** correct\n**REASON:** Roma is Rome in Italian."),
        ];
        FixtureCompiler.Compile(FixtureSpec.FromPairs("judge-teacher", teacherPairs), temp.File("teacher.gguf"));
        FixtureCompiler.Compile(
            FixtureSpec.FromPairs("judge-student", [new("Capital of France?", "Paris"), new("Capital of Italy?", "Roma")]),
            temp.File("student.gguf"));
        var suite = temp.Write("suites/capitals.yaml", $"""
            id: capitals
            kind: accuracy
            scorer: contains
            judge: {"{"}model: teacher, rubric: '{rubricPath}'{"}"}
            cases:
              - {"{"}id: fr, prompt: Capital of France?, expected: Paris{"}"}
              - {"{"}id: it, prompt: Capital of Italy?, expected: Rome{"}"}
            """);

        // When
        var result = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite,
            "-m", "teacher=" + temp.File("teacher.gguf"), "-m", "student=" + temp.File("student.gguf"), "-t", "1", "-o", "results");

        // Then
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var runDir = Directory.GetDirectories(temp.File("results")).Single();
        var verdicts = File.ReadAllLines(Path.Combine(runDir, "judgements.jsonl")).Select(l => JsonDocument.Parse(l).RootElement)
            .ToDictionary(j => $"{j.GetProperty("model").GetString()}/{j.GetProperty("case_id").GetString()}", j => j.GetProperty("judge"));
        Assert.Equal(4, verdicts.Count);
        Assert.All(verdicts.Values, v => Assert.Equal(("teacher", "correct"), (v.GetProperty("model").GetString(), v.GetProperty("label").GetString())));
        Assert.Equal("Roma is Rome in Italian.", verdicts["student/it"].GetProperty("reason").GetString());

        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "metrics.json")));
        JsonElement Judge(string model) => metrics.RootElement.GetProperty("suites").EnumerateArray()
            .Single(s => s.GetProperty("model").GetString() == model).GetProperty("judge");
        Assert.Equal((2, 2), (Judge("teacher").GetProperty("agreement").GetProperty("successes").GetInt32(), Judge("teacher").GetProperty("agreement").GetProperty("n").GetInt32()));
        Assert.Equal((1, 2), (Judge("student").GetProperty("agreement").GetProperty("successes").GetInt32(), Judge("student").GetProperty("agreement").GetProperty("n").GetInt32()));
        // Student: rule (right, wrong), judge (right, right): p_o = 1/2, p_e = 1/2·1 + 1/2·0 = 1/2, so κ = 0
        Assert.Equal(0.0, Judge("student").GetProperty("kappa").GetDouble(), 12);
    }
}
