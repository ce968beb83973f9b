using System.Collections.Concurrent;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.Remote.Tests.Faults;
using EvalKit.TestSupport;
using Microsoft.AspNetCore.Http;

namespace EvalKit.Cli.Tests;

/// <summary>
/// The distill-versus-teacher job end to end through the real program: imported GSM8K and MMLU suites, as chat with
/// few-shot turns, against a chat-only endpoint (a real HTTP server on loopback whose /v1/completions answers 404),
/// with per-model settings from evalkit.yaml and the command line.
/// </summary>
public sealed class DistillEndpointTests : IAsyncLifetime
{
    private readonly TempDir _temp = new();
    private readonly ConcurrentQueue<(string Path, JsonElement Body)> _received = new();
    private FaultServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await FaultServer.StartAsync(async (http, _, _) =>
        {
            if (!http.Request.Path.Value!.EndsWith("/chat/completions", StringComparison.Ordinal))
            {
                await FaultServer.ErrorAsync(http, StatusCodes.Status404NotFound, "Not Found");
                return;
            }
            await FaultServer.StreamAsync(http, "The answer is ", "B. #### 3");
        });
        _server.OnBody = body => _received.Enqueue(("", body.Clone()));
        _temp.Write("evalkit.yaml", $$"""
            models:
              teacher: {source: "openai:{{_server.BaseAddress}}#deepseek-r1", api: chat, temperature: 0.6, top_p: 0.95, max_tokens: 64}
              student: {source: "openai:{{_server.BaseAddress}}#r1-distill"}
            """);
    }

    [Fact]
    public async Task Imported_chat_suites_with_few_shot_run_on_a_chat_only_endpoint_with_each_models_own_settings()
    {
        // Given GSM8K (with a train split beside the test file) and MMLU (its dev split) imported as chat, 2-shot,
        // each given a system prompt that the teacher is configured to go without
        var gsm8k = Directory.CreateDirectory(_temp.File("gsm8k")).FullName;
        var lines = File.ReadAllLines(SharedAssets.Dataset("gsm8k/test.jsonl"));
        File.WriteAllLines(Path.Combine(gsm8k, "test.jsonl"), lines[..3]);
        File.WriteAllLines(Path.Combine(gsm8k, "train.jsonl"), lines[100..110]);
        await ImportAsync("gsm8k", Path.Combine(gsm8k, "test.jsonl"), "gsm8k.yaml", "--as", "chat", "--fewshot", "2", "--fewshot-seed", "7");
        await ImportAsync("mmlu", SharedAssets.Dataset("mmlu/data/test/abstract_algebra_test.csv"), "mmlu.yaml",
            "--as", "chat", "--fewshot", "2", "--limit", "3");
        foreach (var suite in new[] { "gsm8k.yaml", "mmlu.yaml" })
        {
            var yaml = File.ReadAllText(_temp.File(suite));
            Assert.Contains("format: chat", yaml);
            Assert.Contains("fewshot:", yaml);
            File.WriteAllText(_temp.File(suite), yaml.Replace("\nscorer:", "\ndefaults: {system: Think step by step.}\nscorer:", StringComparison.Ordinal));
        }

        // When the teacher (chat-only, temperature 0.6 and top-p 0.95 in evalkit.yaml) runs with its system prompt
        // turned off on the command line, next to a student with the suites' defaults
        var result = await EvalKitProcess.RunAsync(_temp.Path, "run", "--suite", "gsm8k.yaml", "--suite", "mmlu.yaml",
            "--model", "teacher", "--model", "student", "--model-option", "teacher.system_prompt=false",
            "--model-option", "student.api=chat", "--no-cache", "--out", "results");

        // Then every request went to /chat/completions (the endpoint has no /completions) with the few-shot turns
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var bodies = _received.Select(r => r.Body).ToList();
        Assert.Equal(12, bodies.Count);
        Assert.All(_server.Requests, r => Assert.EndsWith("/chat/completions", r.Path));
        foreach (var body in bodies)
        {
            var teacher = body.GetProperty("model").GetString() == "deepseek-r1";
            var roles = body.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("role").GetString()).ToList();
            string[] turns = ["user", "assistant", "user", "assistant", "user"];
            Assert.Equal(teacher ? turns : ["system", .. turns], roles);
            Assert.Equal(teacher ? 0.6 : 0.0, body.GetProperty("temperature").GetDouble(), 5);
            Assert.Equal(teacher ? 0.95 : 1.0, body.GetProperty("top_p").GetDouble(), 5);
            Assert.Equal(teacher ? 64 : 128, body.GetProperty("max_tokens").GetInt32());
        }

        // And the examples are laid out as lm-evaluation-harness does: GSM8K solutions ending "#### N", MMLU letters
        // after a first user turn that opens with the subject line
        var messages = bodies.Select(b => b.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("role").GetString() != "system")
            .Select(m => m.GetProperty("content").GetString()!).ToList()).ToList();
        var gsm = messages.Where(m => m[^1].StartsWith("Question: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, gsm.Count);
        Assert.All(gsm, m => Assert.Matches(@"#### [\d,.-]+$", m[1]));
        var trainSolutions = lines[100..110].Select(l => JsonDocument.Parse(l).RootElement.GetProperty("answer").GetString()).ToList();
        Assert.All(gsm, m => Assert.Contains(m[1], trainSolutions));
        var mmlu = messages.Except(gsm).ToList();
        Assert.Equal(6, mmlu.Count);
        Assert.All(mmlu, m => Assert.StartsWith("The following are multiple choice questions (with answers) about abstract algebra.\n\n", m[0]));
        Assert.All(mmlu, m => Assert.Matches("^[ABCD]$", m[1]));
        Assert.All(mmlu, m => Assert.EndsWith("Answer:", m[^1]));

        // And run.json records each model's own settings
        var runDir = Assert.Single(Directory.GetDirectories(_temp.File("results")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "run.json")));
        var specs = manifest.RootElement.GetProperty("model_specs").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        var settings = specs["teacher"].GetProperty("settings");
        Assert.Equal(0.6, settings.GetProperty("temperature").GetDouble(), 5);
        Assert.False(settings.GetProperty("system_prompt").GetBoolean());
        Assert.Equal("chat", settings.GetProperty("api").GetString());
    }

    [Fact]
    public async Task A_raw_suite_is_refused_before_any_request_when_a_model_takes_chat_only()
    {
        // Given GSM8K imported as raw prompts
        var gsm8k = Directory.CreateDirectory(_temp.File("gsm8k")).FullName;
        File.WriteAllLines(Path.Combine(gsm8k, "test.jsonl"), File.ReadAllLines(SharedAssets.Dataset("gsm8k/test.jsonl"))[..2]);
        await ImportAsync("gsm8k", Path.Combine(gsm8k, "test.jsonl"), "gsm8k.yaml");

        // When it is run on the chat-only teacher
        var result = await EvalKitProcess.RunAsync(_temp.Path, "run", "--suite", "gsm8k.yaml", "--model", "teacher", "--out", "results");

        // Then the run is refused as bad input, says how to convert, and nothing was sent or written
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("chat messages only", result.Output);
        Assert.Contains("--as chat", result.Output);
        Assert.Contains("format: chat", result.Output);
        Assert.Empty(_server.Requests);
        Assert.False(Directory.Exists(_temp.File("results")) && Directory.EnumerateFileSystemEntries(_temp.File("results")).Any());
    }

    [Theory]
    [InlineData("techer.temperature=0.6", "Did you mean 'teacher'?")]
    [InlineData("teacher.temprature=0.6", "Did you mean 'temperature'?")]
    [InlineData("teacher.top_p=1.5", "top_p")]
    public async Task A_model_option_naming_an_unknown_model_or_key_is_bad_input(string option, string expected)
    {
        var suite = _temp.Write("s.yaml", """
            id: s
            kind: custom
            cases: [{id: a, messages: [{role: user, content: hi}], expected: [x]}]
            """);
        var result = await EvalKitProcess.RunAsync(_temp.Path, "run", "--suite", suite, "--model", "teacher", "--model-option", option);
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains(expected, result.Output);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Max_cost_stops_a_priced_run_resumably_and_metrics_give_tokens_and_cost()
    {
        // Given a teacher priced so that each answer (2 completion tokens as the server reports) costs 1
        _temp.Write("evalkit.yaml", $$$"""
            models:
              teacher: {source: "openai:{{{_server.BaseAddress}}}#deepseek-r1", price: {prompt_per_mtok: 0, completion_per_mtok: 500000}}
            """);
        var suite = _temp.Write("s.yaml", """
            id: s
            kind: custom
            scorer: contains
            cases:
              - {id: a, messages: [{role: user, content: one}], expected: ["3"]}
              - {id: b, messages: [{role: user, content: two}], expected: ["3"]}
              - {id: c, messages: [{role: user, content: three}], expected: ["3"]}
            """);

        // When the run may spend 1.5
        var stopped = await EvalKitProcess.RunAsync(_temp.Path, "run", "--suite", suite, "--model", "teacher", "--no-cache", "--max-cost", "1.5", "--out", "results");

        // Then it stops after the second answer with exit 3, and resuming with a higher limit finishes it
        Assert.True(stopped.ExitCode == ExitCodes.RuntimeFailure, stopped.Output);
        Assert.Contains("--max-cost", stopped.Output);
        Assert.Equal(2, _server.Requests.Count);
        var runDir = Assert.Single(Directory.GetDirectories(_temp.File("results")));
        var resumed = await EvalKitProcess.RunAsync(_temp.Path, "run", "--resume", runDir, "--no-cache", "--max-cost", "10");
        Assert.True(resumed.ExitCode == ExitCodes.Ok, resumed.Output);
        Assert.Equal(3, _server.Requests.Count);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "metrics.json")));
        var usage = metrics.RootElement.GetProperty("usage").EnumerateArray().Single();
        Assert.Equal((3, 9L, 6L), (usage.GetProperty("samples").GetInt32(), usage.GetProperty("prompt_tokens").GetInt64(), usage.GetProperty("completion_tokens").GetInt64()));
        Assert.Equal(3.0, usage.GetProperty("cost").GetDouble(), 9);
        Assert.Contains("cost 3", resumed.Output);
    }

    [Fact]
    public async Task A_judge_only_model_grades_every_answer_and_answers_no_case()
    {
        // Given a suite judged by "grader", passed with --judge only
        var rubric = RepositoryPaths.Combine("rubrics", "default-v1.md");
        var suite = _temp.Write("judged.yaml", $$$"""
            id: judged
            kind: custom
            scorer: contains
            judge: {model: grader, rubric: '{{{rubric}}}'}
            cases:
              - {id: a, messages: [{role: user, content: one}], expected: ["3"]}
              - {id: b, messages: [{role: user, content: two}], expected: ["3"]}
            """);

        // When
        var result = await EvalKitProcess.RunAsync(_temp.Path, "run", "--suite", suite, "--model", "student",
            "--judge", $"grader=openai:{_server.BaseAddress}#judge-model", "--no-cache", "--out", "results");

        // Then the grader was asked only to grade, once per answer, and has no samples of its own
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var byModel = _received.Select(r => r.Body).GroupBy(b => b.GetProperty("model").GetString()).ToDictionary(g => g.Key!, g => g.ToList());
        Assert.Equal(2, byModel["r1-distill"].Count);
        Assert.Equal(2, byModel["judge-model"].Count);
        Assert.All(byModel["judge-model"], b => Assert.Contains("Answer to grade:", b.GetProperty("messages")[0].GetProperty("content").GetString()));
        var runDir = Assert.Single(Directory.GetDirectories(_temp.File("results")));
        Assert.All(File.ReadAllLines(Path.Combine(runDir, "samples.jsonl")), l => Assert.Contains("\"model\":\"student\"", l));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(runDir, "judgements.jsonl")).Length);
        Assert.Contains("\"judge_specs\"", File.ReadAllText(Path.Combine(runDir, "run.json")));
    }

    private async Task ImportAsync(string format, string path, string output, params string[] options)
    {
        var result = await EvalKitProcess.RunAsync(_temp.Path, ["import", format, path, "-o", output, .. options]);
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _temp.Dispose();
    }
}
