using System.Text.Json;
using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Llama;
using EvalKit.Llama.Fidelity;
using EvalKit.Llama.Fixtures;
using EvalKit.Remote.Serving;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary><c>evalkit fidelity</c> with a teacher behind an endpoint and a local student with another vocabulary.</summary>
public class FidelityAcrossTokenizersCommandTests
{
    private const string Suite = """
        id: quiz
        kind: accuracy
        scorer: {type: exact}
        cases:
          - {id: sum, prompt: "Two plus two?", expected: ["4"]}
          - {id: capital, prompt: "Capital of France?", expected: [Paris]}
          - {id: sky, prompt: "Colour of the sky?", expected: [blue]}
        """;

    [Fact]
    public async Task Fidelity_against_a_served_teacher_writes_bits_per_byte_and_answer_agreement_equal_to_the_local_computation()
    {
        // Given a fixture teacher served over loopback HTTP (named in evalkit.yaml) and a student fixture with another vocabulary
        using var temp = new TempDir();
        var suite = temp.Write("suites/quiz.yaml", Suite);
        var teacherModel = FixtureCompiler.Compile(FixtureSpec.FromPairs("teacher",
            [new("Two plus two?", "4"), new("Capital of France?", "Paris"), new("Colour of the sky?", "blue")]), temp.File("teacher.gguf"));
        var studentModel = FixtureCompiler.Compile(FixtureSpec.FromPairs("student",
            [new("Two plus two?", "4"), new("Capital of France?", "Lyon"), new("Colour of the sky?", "blue"), new("Name a river?", "Rhone")]), temp.File("student.gguf"));
        await using var served = await LlamaBackend.LoadAsync(new LlamaModelOptions(teacherModel.Path) { Threads = 1, ContextSize = 256 });
        await using var server = await OpenAiServer.StartAsync(served, new OpenAiServerOptions { Port = 0, ModelName = "teacher" });
        temp.Write("evalkit.yaml", $$"""
            models:
              teacher: {source: "openai:{{server.BaseAddress}}#teacher", logprobs: true}
            """);

        // When
        var result = await EvalKitProcess.RunAsync(temp.Path,
            "fidelity", "--teacher", "teacher", "--student", studentModel.Path, "--suite", suite,
            "--max-tokens", "8", "--threads", "1", "--ctx", "256", "--out", "fidelity.json");

        // Then the cross-tokenizer report holds the same figures as the same measurement with both models local
        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(temp.File("fidelity.json")));
        var root = report.RootElement;
        Assert.Equal("cross_tokenizer", root.GetProperty("method").GetString());
        Assert.Equal("openai", root.GetProperty("teacher").GetProperty("backend").GetString());
        Assert.Equal(["4", "Paris", "blue"], root.GetProperty("per_sequence").EnumerateArray().Select(s => s.GetProperty("teacher_answer").GetString()));

        await using var teacher = await LlamaBackend.LoadAsync(new LlamaModelOptions(teacherModel.Path) { Threads = 1, ContextSize = 256 });
        await using var student = await LlamaBackend.LoadAsync(new LlamaModelOptions(studentModel.Path) { Threads = 1, ContextSize = 256 });
        var inputs = new[] { "Two plus two?", "Capital of France?", "Colour of the sky?" }
            .Select(p => FidelityInput.FromPrompt(p, GenerationRequest.Raw(p, new()))).ToList();
        var local = await new CrossTokenizerFidelity(teacher, student).MeasureAsync(inputs, new FidelityOptions { MaxTokens = 8 });
        Assert.Equal(local.BitsPerByte!.Value, root.GetProperty("bits_per_byte").GetProperty("value").GetDouble(), 1e-9);
        Assert.Equal(local.ApproximateKl!.Value, root.GetProperty("approximate_kl").GetProperty("value").GetDouble(), 1e-6);
        Assert.Equal(2.0 / 3, root.GetProperty("answer_agreement").GetProperty("value").GetDouble(), 12);
        Assert.Contains("bits/byte", result.Stdout);
    }

    [Fact]
    public async Task An_endpoint_student_not_declared_with_logprobs_is_refused_before_anything_loads()
    {
        // Given an endpoint student that evalkit.yaml does not declare with logprobs: true (nothing listens there)
        using var temp = new TempDir();
        var suite = temp.Write("suites/quiz.yaml", Suite);

        // When
        var result = await EvalKitProcess.RunAsync(temp.Path,
            "fidelity", "--teacher", SharedAssets.Stories260K, "--student", "openai:http://127.0.0.1:9/v1#student", "--suite", suite);

        // Then
        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("logprobs", result.Output);
        Assert.False(File.Exists(temp.File("fidelity.json")));
    }
}
