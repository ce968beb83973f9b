using EvalKit.Core;
using EvalKit.Llama.Fixtures;
using EvalKit.Llama.Gguf;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Fixtures;

public sealed class SyntheticModelWriterTests
{
    [Theory]
    [InlineData("tiny", 1_705_216L)]
    [InlineData("qwen2-0.5b", 494_032_768L)]
    [InlineData("qwen2-1.5b", 1_543_714_304L)]
    [InlineData("llama-7b", 6_738_415_616L)]
    public void Presets_have_the_published_parameter_counts(string preset, long parameters)
    {
        // Given a preset, When its parameters are counted, Then the count is the real model's
        Assert.Equal(parameters, SyntheticModelShape.Preset(preset).ParameterCount);
    }

    [Fact]
    public void Unknown_preset_lists_the_known_ones()
    {
        // Given a misspelt preset, When it is looked up, Then the error lists what exists
        var error = Assert.Throws<EvalKitException>(() => SyntheticModelShape.Preset("qwen-0.5b"));
        Assert.Contains("qwen2-0.5b", error.Hint);
    }

    [Theory]
    [InlineData("f32", "F32")]
    [InlineData("f16", "F16")]
    [InlineData("q8_0", "Q8_0")]
    [InlineData("q4_0", "Q4_0")]
    [InlineData("q4_k_m", "Q4_K_M")]
    public void Tiny_synthetic_model_loads_and_generates_in_every_format(string quantization, string fileType)
    {
        // Given the tiny preset written in one format
        using var temp = new TempDir();
        var shape = SyntheticModelShape.Preset("tiny");
        var path = temp.File($"tiny-{quantization}.gguf");
        SyntheticModelWriter.WriteQuantized(shape, path, quantization);

        // When it is read and run through llama.cpp
        var summary = GgufModelSummary.Read(path);
        using var llama = new GreedyCompletion(path);
        var first = llama.GenerateTokens("Once upon a time", 8);
        var second = llama.GenerateTokens("Once upon a time", 8);

        // Then its shape is the preset's, and it generates the same valid tokens every time
        Assert.Equal(fileType, summary.FileType);
        Assert.Equal(shape.ParameterCount, summary.ParameterCount);
        Assert.Equal(shape.ParameterCount, (long)llama.Weights.ParameterCount);
        Assert.Equal(shape.Vocabulary, llama.Weights.Vocab.Count);
        Assert.All(first, token => Assert.InRange(token, 0, shape.Vocabulary - 1));
        Assert.Equal(first, second);
        Assert.Equal([path], Directory.GetFiles(temp.Path));
    }

    [Fact]
    public void Qwen2_shape_with_biases_and_tied_embeddings_loads_and_generates()
    {
        // Given a tiny shape in the qwen2 architecture, as the qwen2 presets are
        using var temp = new TempDir();
        var shape = SyntheticModelShape.Preset("tiny") with { Architecture = "qwen2", TiedEmbeddings = true, RopeFreqBase = 1_000_000f };
        SyntheticModelWriter.Write(shape, temp.File("qwen2.gguf"));

        // When llama.cpp loads it
        using var llama = new GreedyCompletion(temp.File("qwen2.gguf"));

        // Then it counts the same parameters and decodes
        Assert.Equal("qwen2", llama.Weights.Metadata["general.architecture"]);
        Assert.Equal(shape.ParameterCount, (long)llama.Weights.ParameterCount);
        Assert.Equal(4, llama.GenerateTokens("Hello", 4).Length);
    }

    [Fact]
    public void Weights_depend_only_on_the_seed()
    {
        // Given the tiny shape written twice with one seed and once with another
        using var temp = new TempDir();
        var shape = SyntheticModelShape.Preset("tiny");
        SyntheticModelWriter.Write(shape, temp.File("a.gguf"), GgmlType.F16, seed: 7);
        SyntheticModelWriter.Write(shape, temp.File("b.gguf"), GgmlType.F16, seed: 7);
        SyntheticModelWriter.Write(shape, temp.File("c.gguf"), GgmlType.F16, seed: 8);

        // When the files are compared, Then equal seeds give equal bytes and another seed does not
        Assert.Equal(File.ReadAllBytes(temp.File("a.gguf")), File.ReadAllBytes(temp.File("b.gguf")));
        Assert.NotEqual(File.ReadAllBytes(temp.File("a.gguf")), File.ReadAllBytes(temp.File("c.gguf")));
    }
}
