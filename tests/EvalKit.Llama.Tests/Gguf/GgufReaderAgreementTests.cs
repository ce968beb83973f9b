using EvalKit.Llama.Gguf;
using EvalKit.TestSupport;
using LLama;
using LLama.Common;

namespace EvalKit.Llama.Tests.Gguf;

/// <summary>The managed reader must see every shared model exactly as llama.cpp (through LLamaSharp) does.</summary>
public sealed class GgufReaderAgreementTests
{
    public static TheoryData<string, bool, string, int, long, int> SharedModels => new()
    {
        { "stories260K.gguf", false, "llama", 48, 292_800, 512 },
        { "ggml-vocab-llama-spm.gguf", true, "llama", 0, 0, 32_000 },
        { "ggml-vocab-phi-3.gguf", true, "phi3", 0, 0, 32_064 },
        { "ggml-vocab-deepseek-coder.gguf", true, "llama", 0, 0, 32_256 },
        { "ggml-vocab-deepseek-llm.gguf", true, "llama", 0, 0, 102_400 },
    };

    [Theory]
    [MemberData(nameof(SharedModels))]
    public void Reader_agrees_with_llama_cpp_on_shared_models(string fileName, bool vocabOnly, string architecture, int tensors, long parameters, int vocabulary)
    {
        // Given a real GGUF file and llama.cpp's view of it
        var path = SharedAssets.Model(fileName);
        using var weights = LLamaWeights.LoadFromFile(new ModelParams(path) { VocabOnly = vocabOnly, GpuLayerCount = 0 });

        // When the managed reader reads it
        var file = GgufReader.Read(path);
        var summary = GgufModelSummary.From(file);

        // Then both agree (counts, token ids, keys, every string value), and both match the documented facts
        Assert.Equal(architecture, summary.Architecture);
        Assert.Equal(weights.Metadata["general.architecture"], summary.Architecture);
        Assert.Equal(tensors, summary.TensorCount);
        Assert.Equal(parameters, summary.ParameterCount);
        Assert.Equal((long)weights.ParameterCount, summary.ParameterCount);
        Assert.Equal(vocabulary, summary.VocabularySize);
        Assert.Equal(weights.Vocab.Count, summary.VocabularySize);
        Assert.Equal(vocabOnly, summary.IsVocabOnly);
        Assert.Equal((long?)weights.Vocab.BOS, summary.BosTokenId);
        Assert.Equal((long?)weights.Vocab.EOS, summary.EosTokenId);
        // llama.cpp lists every scalar key (arrays such as the tokens are left out)
        Assert.Equal(weights.Metadata.Keys.Order(), file.Metadata.Where(kv => !kv.Value.IsArray).Select(kv => kv.Key).Order());
        Assert.Equal(3u, file.Version);
        var strings = file.Metadata.Where(kv => kv.Value.Type == GgufValueType.String).ToList();
        Assert.NotEmpty(strings);
        Assert.All(strings, kv => Assert.Equal(weights.Metadata[kv.Key], kv.Value.AsString()));
    }

    [Fact]
    public void Stories260K_summary_reports_its_shape()
    {
        // Given the trained tiny model
        // When it is summarised
        var summary = GgufModelSummary.Read(SharedAssets.Stories260K);

        // Then the summary holds the documented facts
        Assert.Equal(2048, summary.ContextLength);
        Assert.Equal("llama", summary.TokenizerModel);
        Assert.Null(summary.ChatTemplate);
        Assert.Equal(1, summary.BosTokenId);
        Assert.Equal(2, summary.EosTokenId);
        Assert.Equal(1_185_376, summary.FileSize);
        Assert.All(GgufReader.Read(SharedAssets.Stories260K).Tensors, t => Assert.Equal(GgmlType.F32, t.Type));
    }

    [Fact]
    public void Vocab_only_file_is_not_generatable()
    {
        // Given a tokenizer-only file
        var summary = GgufModelSummary.Read(SharedAssets.Model("ggml-vocab-deepseek-llm.gguf"));

        // When a caller checks it before generating
        var error = Assert.Throws<GgufFormatException>(summary.EnsureGeneratable);

        // Then the error says why, before llama.cpp could abort the process
        Assert.Contains("contains only a tokenizer vocabulary, no weights", error.Message);
        Assert.Contains("abort", error.Message);
        Assert.Equal("deepseek-llm", summary.TokenizerPre);
        Assert.Equal("gpt2", summary.TokenizerModel);
    }

    [Fact]
    public void Model_with_weights_is_generatable()
    {
        // Given the trained tiny model
        var summary = GgufModelSummary.Read(SharedAssets.Stories260K);

        // When a caller checks it, Then nothing is thrown
        summary.EnsureGeneratable();
        Assert.False(summary.IsVocabOnly);
    }

    [Fact]
    public void Empty_string_metadata_is_flagged_before_LLamaSharp_fails_on_it()
    {
        // Given a copy of a real vocabulary with one empty string value added
        using var temp = new TempDir();
        var source = GgufReader.Read(SharedAssets.Model("ggml-vocab-llama-spm.gguf"));
        var writer = new GgufWriter();
        foreach (var key in source.Keys)
            writer.Set(key, source.Metadata[key]);
        writer.Set("general.license", "");
        writer.Write(temp.File("empty.gguf"));

        // When LLamaSharp loads it, and when the summary is checked first
        var llama = Assert.Throws<ArgumentNullException>(() => LLamaWeights.LoadFromFile(new ModelParams(temp.File("empty.gguf")) { VocabOnly = true }));
        var summary = GgufModelSummary.Read(temp.File("empty.gguf"));
        var error = Assert.Throws<GgufFormatException>(summary.EnsureLoadable);

        // Then LLamaSharp fails obscurely and the check names the key instead
        Assert.NotNull(llama);
        Assert.Equal(["general.license"], summary.EmptyStringKeys);
        Assert.Contains("metadata 'general.license' holds an empty string", error.Message);
    }
}
