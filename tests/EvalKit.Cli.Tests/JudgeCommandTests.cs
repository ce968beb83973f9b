using System.Text.Json;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>A suite judge end to end through the real program and llama.cpp on stories260K.</summary>
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
}
