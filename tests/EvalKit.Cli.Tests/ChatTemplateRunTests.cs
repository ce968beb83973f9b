using System.Security.Cryptography;
using System.Text.Json;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

/// <summary><c>run --chat-template auto|none|FILE</c> on a real local model, through the real program.</summary>
public class ChatTemplateRunTests
{
    private const string Suite = """
        id: stories
        kind: custom
        defaults: {max_tokens: 4}
        scorer: contains
        cases:
          - {id: once, prompt: Once upon a time, expected: [a]}
        """;

    private const string ChatMl =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}";

    [Fact]
    public async Task A_template_file_wraps_raw_prompts_and_run_json_names_the_file_and_its_hash()
    {
        using var temp = new TempDir();
        var suite = temp.Write("stories.yaml", Suite);
        var template = temp.Write("chatml.jinja", ChatMl);

        var result = await Run(temp, suite, template);

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var (sample, details) = Read(temp);
        Assert.Equal("<|im_start|>user\nOnce upon a time<|im_end|>\n<|im_start|>assistant\n", sample.GetProperty("rendered_prompt").GetString());
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(template)));
        Assert.Contains(sha256, details.GetProperty("chat_template_source").GetString());
        Assert.StartsWith("file ", details.GetProperty("chat_template_source").GetString());
    }

    [Fact]
    public async Task Auto_on_a_model_without_a_template_keeps_raw_prompts_and_says_so()
    {
        using var temp = new TempDir();
        var suite = temp.Write("stories.yaml", Suite);

        var result = await Run(temp, suite, "auto");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.Output);
        var (sample, details) = Read(temp);
        Assert.Equal("Once upon a time", sample.GetProperty("rendered_prompt").GetString());
        Assert.StartsWith("none (the model has no chat template", details.GetProperty("chat_template_source").GetString());
    }

    private static Task<EvalKitProcess.Result> Run(TempDir temp, string suite, string template) =>
        EvalKitProcess.RunAsync(temp.Path, "run", "--suite", suite, "--model", "student=" + SharedAssets.Stories260K,
            "--threads", "1", "--ctx", "256", "--no-cache", "--out", "results", "--chat-template", template);

    private static (JsonElement Sample, JsonElement Details) Read(TempDir temp)
    {
        var runDir = Assert.Single(Directory.GetDirectories(temp.File("results")));
        var sample = JsonDocument.Parse(File.ReadAllLines(Path.Combine(runDir, "samples.jsonl")).Single()).RootElement;
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(runDir, "run.json"))).RootElement;
        return (sample, manifest.GetProperty("models").EnumerateArray().Single().GetProperty("details"));
    }
}
