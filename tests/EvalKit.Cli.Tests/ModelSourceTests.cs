using EvalKit.Cli.Models;
using EvalKit.Core;
using EvalKit.TestSupport;

namespace EvalKit.Cli.Tests;

public class ModelSourceTests
{
    [Theory]
    [InlineData("models/s.gguf", "models/s.gguf")]
    [InlineData("llama:models/s.gguf", "models/s.gguf")]
    [InlineData("LLAMA:/abs/s.gguf", "/abs/s.gguf")]
    [InlineData(@"C:\models\s.gguf", @"C:\models\s.gguf")]
    public void Local_sources_are_paths(string text, string path)
    {
        var source = ModelSource.Parse(text);

        Assert.Equal((ModelSourceKind.Llama, path), (source.Kind, source.Path));
    }

    [Fact]
    public void Endpoint_source_splits_the_api_root_from_the_model_name()
    {
        var source = ModelSource.Parse("openai:http://gpu-box:8000/v1#deepseek-r1");

        Assert.Equal(ModelSourceKind.OpenAi, source.Kind);
        Assert.Equal(new Uri("http://gpu-box:8000/v1"), source.BaseUrl);
        Assert.Equal("deepseek-r1", source.Model);
    }

    [Theory]
    [InlineData("openai:http://host:8000/v1", "model name is missing")]
    [InlineData("openai:http://host:8000/v1#", "model name is missing")]
    [InlineData("openai:host:8000/v1#m", "not an http(s) URL")]
    [InlineData("ollama:llama3", "Unknown model source 'ollama:'")]
    public void Malformed_sources_say_what_to_write(string text, string problem)
    {
        var error = Assert.Throws<EvalKitException>(() => ModelSource.Parse(text));

        Assert.Contains(problem, error.Message + error.Hint);
        Assert.Contains("openai:http://host:8000/v1#model-name", error.Hint);
    }

    [Fact]
    public void Project_config_names_models_that_model_options_refer_to()
    {
        using var temp = new TempDir();
        temp.Write(ProjectConfig.FileName, """
            models:
              teacher: {source: "openai:http://h:8000/v1#big", api_key_env: KEY_VAR, concurrency: 2, timeout_s: 30}
              student: {source: "llama:s.gguf"}
            """);

        var config = ProjectConfig.Load(temp.Path);
        var named = config.Resolve(["teacher", "other=x.gguf"]);
        var all = config.Resolve([]);

        Assert.Equal(("teacher", "openai:http://h:8000/v1#big"), (named[0].Name, named[0].Source));
        Assert.Equal(("other", "x.gguf"), (named[1].Name, named[1].Source));
        Assert.Equal(["teacher", "student"], all.Select(m => m.Name));
        Assert.Equal(("KEY_VAR", 2, 30.0), (config.Models["teacher"].ApiKeyEnv, config.Models["teacher"].Concurrency, config.Models["teacher"].TimeoutSeconds));
    }

    [Fact]
    public void Project_config_with_an_unknown_key_is_an_error_with_its_line()
    {
        using var temp = new TempDir();
        temp.Write(ProjectConfig.FileName, "models:\n  teacher:\n    source: x.gguf\n    api_key: sk-oops\n");

        var error = Assert.Throws<EvalKitException>(() => ProjectConfig.Load(temp.Path));

        Assert.Contains("evalkit.yaml:4:", error.Message);
    }

    [Theory]
    [InlineData(1, null, "4")]
    [InlineData(8, null, "8")]
    [InlineData(8, 2, "2")]
    public async Task An_endpoint_takes_run_parallel_requests_at_once_unless_its_concurrency_is_configured(int parallel, int? configured, string expected)
    {
        // Given an endpoint model, named in evalkit.yaml with or without a concurrency
        using var temp = new TempDir();
        var concurrency = configured is { } c ? $", concurrency: {c}" : "";
        File.WriteAllText(temp.File("evalkit.yaml"), $"models:\n  teacher: {{source: \"openai:http://127.0.0.1:9/v1#big\"{concurrency}}}\n");
        var config = ProjectConfig.Load(temp.Path);

        // When the registry of `run --parallel N` creates its backend (nothing is sent)
        await using var backend = await new BackendRegistry(LocalModelOptions.Default, config, parallel: parallel)
            .LoadAsync(config.Resolve(["teacher"])[0], CancellationToken.None);

        // Then the requests it lets in flight at once, as the run manifest records them
        Assert.Equal(expected, backend.Info.Details["concurrency"]);
    }
}
