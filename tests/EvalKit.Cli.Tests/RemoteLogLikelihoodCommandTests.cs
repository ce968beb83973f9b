using System.Text.Json;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary><c>choice_loglik</c> suites against an endpoint: declared with <c>logprobs: true</c>, or refused before the run.</summary>
public class RemoteLogLikelihoodCommandTests(ServedStoriesFixture served) : IClassFixture<ServedStoriesFixture>
{
    private const string Suite = """
        id: story-choices
        kind: accuracy
        scorer: {type: choice_loglik}
        cases:
          - id: story
            prompt: "Once upon a time, there was a"
            choices: [big, "little girl named Lily. She loved to play outside in the park.", dog.]
            answer: B
          - id: sun
            prompt: The sun was
            choices: [hot, very bright and warm, blue]
            answer: C
        """;

    [Fact]
    public async Task Choice_loglik_against_evalkit_serve_declared_with_logprobs_gives_the_local_model_scores()
    {
        // Given stories260K served over loopback and declared in evalkit.yaml as returning log-probabilities
        using var temp = new TempDir();
        var suite = temp.Write("suite.yaml", Suite);
        temp.Write("evalkit.yaml", $$"""
            models:
              teacher: {source: "openai:{{served.BaseAddress}}#stories", logprobs: true}
            """);

        // When the suite runs on the endpoint and on the same file locally
        var result = await EvalKitProcess.RunAsync(temp.Path,
            "run", "--suite", suite, "--model", "teacher", "--model", "student=llama:" + SharedAssets.Stories260K,
            "--threads", "1", "--ctx", "256", "--out", "results", "--no-cache");

        // Then both have the same acc, acc_norm and choice log-likelihoods
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var runDir = Assert.Single(Directory.GetDirectories(temp.File("results")));
        var samples = File.ReadAllLines(Path.Combine(runDir, "samples.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, samples.Count);
        foreach (var id in new[] { "story", "sun" })
        {
            var (teacher, student) = (Sample(samples, "teacher", id), Sample(samples, "student", id));
            Assert.False(teacher.TryGetProperty("error", out var error) && error.ValueKind != JsonValueKind.Null, error.ToString());
            Assert.Equal(student.GetProperty("score").GetDouble(), teacher.GetProperty("score").GetDouble());
            Assert.Equal(student.GetProperty("acc_norm").GetDouble(), teacher.GetProperty("acc_norm").GetDouble());
            var mine = student.GetProperty("choice_log_likelihoods").EnumerateArray().Select(c => c.GetProperty("log_probability").GetDouble()).ToList();
            var theirs = teacher.GetProperty("choice_log_likelihoods").EnumerateArray().Select(c => c.GetProperty("log_probability").GetDouble()).ToList();
            Assert.Equal(mine.Count, theirs.Count);
            foreach (var (a, b) in mine.Zip(theirs))
                Assert.Equal(a, b, 1e-4);
        }
    }

    [Fact]
    public async Task Choice_loglik_on_an_endpoint_not_declared_with_logprobs_is_refused_before_the_run()
    {
        // Given an endpoint with no logprobs declaration (nothing needs to listen: nothing is sent)
        using var temp = new TempDir();
        var suite = temp.Write("suite.yaml", Suite);

        // When
        var result = await EvalKitProcess.RunAsync(temp.Path,
            "run", "--suite", suite, "--model", "teacher=openai:http://127.0.0.1:9/v1#tiny", "--out", "results");

        // Then the run is refused with the capability named and how to declare it, and nothing is written
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("capability 'logprobs'", result.Output);
        Assert.Contains("logprobs: true", result.Output);
        Assert.False(Directory.Exists(temp.File("results")));
    }

    private static JsonElement Sample(List<JsonElement> samples, string model, string id) =>
        samples.Single(s => s.GetProperty("model").GetString() == model && s.GetProperty("case_id").GetString() == id);
}
