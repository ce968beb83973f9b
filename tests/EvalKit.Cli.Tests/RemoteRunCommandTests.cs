using System.Text.Json;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary>The real program against a real OpenAI-compatible server (evalkit's own, in this process, on loopback).</summary>
public class RemoteRunCommandTests(ServedStoriesFixture served) : IClassFixture<ServedStoriesFixture>
{
    private const string Suite = """
        id: stories
        kind: custom
        defaults: {max_tokens: 12}
        scorer: {type: contains}
        cases:
          - {id: once, prompt: Once upon a time, expected: [Lily]}
          - {id: dog, prompt: The little dog, expected: [the]}
          - id: chat
            messages: [{role: user, content: Tell me a story.}]
            expected: [the]
        """;

    [Fact]
    public async Task Run_mixes_a_local_model_and_an_endpoint_named_in_evalkit_yaml_with_identical_greedy_answers()
    {
        // Given stories260K served over HTTP and named "teacher" in evalkit.yaml, and the same file as "student"
        using var temp = new TempDir();
        var suite = temp.Write("stories.yaml", Suite);
        temp.Write("evalkit.yaml", $$"""
            models:
              teacher: {source: "openai:{{served.BaseAddress}}#stories", concurrency: 2, timeout_s: 60}
            """);

        // When the program runs both, three cases at once (the endpoint keeps three requests in flight, the local
        // model decodes them as one group)
        var result = await EvalKitProcess.RunAsync(temp.Path,
            "run", "--suite", suite, "--model", "teacher", "--model", "student=llama:" + SharedAssets.Stories260K,
            "--threads", "1", "--ctx", "256", "--out", "results", "--parallel", "3");

        // Then both answered every case, the same way
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var runDir = Assert.Single(Directory.GetDirectories(temp.File("results")));
        var samples = File.ReadAllLines(Path.Combine(runDir, "samples.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(6, samples.Count);
        string Completion(string model, string id) =>
            samples.Single(s => s.GetProperty("model").GetString() == model && s.GetProperty("case_id").GetString() == id).GetProperty("completion").GetString()!;
        foreach (var id in new[] { "once", "dog", "chat" })
            Assert.Equal(Completion("student", id), Completion("teacher", id));
        var manifest = File.ReadAllText(Path.Combine(runDir, "run.json"));
        Assert.Contains("\"backend\": \"openai\"", manifest);
        Assert.Contains("\"concurrency\": \"2\"", manifest); // evalkit.yaml's concurrency wins over --parallel
    }
}
