using System.Text.Json;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

public class FixturesSynthCommandTests
{
    [Fact]
    public async Task Synthetic_qwen2_0_5b_q4_0_loads_generates_and_has_the_shape_formula_parameter_count()
    {
        using var temp = new TempDir();
        var model = temp.File("qwen2-0.5b-q4_0.gguf");

        var synth = await EvalKitProcess.RunAsync(temp.Path, "fixtures", "synth", "--shape", "qwen2-0.5b", "--type", "q4_0", "-o", model);
        var info = await EvalKitProcess.RunAsync(temp.Path, "info", model);
        var suite = temp.Write("s.yaml", "id: smoke\nkind: custom\ndefaults: {max_tokens: 4}\ncases:\n  - {id: a, prompt: Hello, expected: x}\n");
        var run = await EvalKitProcess.RunAsync(temp.Path, "run", "-s", suite, "-m", model, "-t", "2", "-c", "256", "-o", "results");

        Assert.True(synth.ExitCode == ExitCodes.Ok, synth.Output);
        // Qwen2-0.5B's published count: 494,032,768 (embeddings tied), which the shape formula gives too.
        Assert.Contains("494,032,768", info.Stdout);
        Assert.Contains("Q4_0", info.Stdout);
        Assert.True(run.ExitCode == ExitCodes.Ok, run.Output);
        var sample = JsonDocument.Parse(File.ReadLines(Path.Combine(Directory.GetDirectories(temp.File("results")).Single(), "samples.jsonl")).Single());
        Assert.Equal(4, sample.RootElement.GetProperty("completion_tokens").GetInt32());
    }

    [Fact]
    public async Task Synth_without_a_shape_says_what_to_pass()
    {
        var result = await EvalKitProcess.RunAsync(Path.GetTempPath(), "fixtures", "synth", "-o", "x.gguf");

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("--shape", result.Output);
    }
}
