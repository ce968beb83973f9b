using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

public class InfoCommandTests
{
    [Fact]
    public async Task Info_describes_a_real_model_without_loading_it()
    {
        var result = await EvalKitInProcess.RunAsync("info", SharedAssets.Stories260K);

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("llama", result.Stdout);
        Assert.Contains("292,800", result.Stdout);
        Assert.Contains("512", result.Stdout);
    }

    [Fact]
    public async Task Info_flags_a_vocabulary_only_file()
    {
        var result = await EvalKitInProcess.RunAsync("info", SharedAssets.Model("ggml-vocab-phi-3.gguf"));

        Assert.Equal(ExitCodes.Ok, result.ExitCode);
        Assert.Contains("vocabulary only", result.Stdout);
    }

    [Fact]
    public async Task Info_on_a_file_that_is_not_gguf_is_bad_input_with_a_hint()
    {
        using var temp = new TempDir();
        var file = temp.Write("model.gguf", "{\"not\": \"a model\"}");

        var result = await EvalKitInProcess.RunAsync("info", file);

        Assert.Equal(ExitCodes.BadInput, result.ExitCode);
        Assert.Contains("not a GGUF file", result.Output);
        Assert.DoesNotContain("   at ", result.Output);
    }
}
