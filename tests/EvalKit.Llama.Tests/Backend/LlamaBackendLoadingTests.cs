using EvalKit.Core;
using EvalKit.Core.Backends;
using EvalKit.Llama.Gguf;
using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Backend;

public sealed class LlamaBackendLoadingTests(StoriesModelFixture model) : IClassFixture<StoriesModelFixture>
{
    [Fact]
    public async Task Missing_model_file_names_the_path()
    {
        using var dir = new TempDir();
        var path = dir.File("no-such-model.gguf");

        var error = await Assert.ThrowsAsync<EvalKitException>(() => LlamaBackend.LoadAsync(new(path) { Threads = 1 }));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public async Task File_that_is_not_a_model_is_refused_before_native_code()
    {
        using var dir = new TempDir();
        var path = dir.Write("broken.gguf", "this is not a GGUF file");

        var error = await Assert.ThrowsAsync<GgufFormatException>(() => LlamaBackend.LoadAsync(new(path) { Threads = 1 }));

        Assert.Contains(path, error.Message);
        Assert.Contains("not a GGUF file", error.Message);
    }

    [Fact]
    public async Task A_valid_gguf_llama_cpp_cannot_load_fails_with_a_clear_error()
    {
        // Well-formed GGUF (the managed reader accepts it) of an architecture llama.cpp does not know.
        using var dir = new TempDir();
        var path = dir.File("alien.gguf");
        new GgufWriter()
            .Set("general.architecture", "alien-arch")
            .AddTensor("token_embd.weight", [4, 4], new float[16])
            .Write(path);

        var error = await Assert.ThrowsAsync<EvalKitException>(() => LlamaBackend.LoadAsync(new(path) { Threads = 1 }));

        Assert.Contains("llama.cpp could not load the model", error.Message);
        Assert.Contains(path, error.Message);
        // llama.cpp's own log is quoted when EvalKit configured the native library first; other tests in this
        // process may have loaded it directly, so the quote itself is not asserted here.
    }

    [Fact]
    public async Task Vocab_only_file_is_refused_at_load_instead_of_aborting_at_decode()
    {
        var path = SharedAssets.Model("ggml-vocab-llama-spm.gguf");

        var error = await Assert.ThrowsAsync<GgufFormatException>(() => LlamaBackend.LoadAsync(new(path) { Threads = 1 }));

        Assert.Contains("only a tokenizer vocabulary", error.Message);
    }

    [Fact]
    public async Task Cuda_without_a_cuda_build_fails_fast_and_says_how_to_get_it()
    {
        // This test project is built without -p:EvalKitCuda=12, so no CUDA llama.cpp library is bundled.
        var options = StoriesModelFixture.Options with { Device = LlamaDevice.Cuda };

        var error = await Assert.ThrowsAsync<EvalKitException>(() => LlamaBackend.LoadAsync(options));

        Assert.Equal("CUDA was requested, but this EvalKit build has no CUDA llama.cpp library.", error.Message);
        Assert.Contains("-p:EvalKitCuda=12", error.Hint);
        Assert.Contains("native library folder", error.Hint);
    }

    [Fact]
    public async Task Failed_cuda_request_leaves_the_cpu_path_working()
    {
        await Assert.ThrowsAsync<EvalKitException>(() => LlamaBackend.LoadAsync(StoriesModelFixture.Options with { Device = LlamaDevice.Cuda }));

        await using var backend = await LlamaBackend.LoadAsync(StoriesModelFixture.Options);
        var completion = await backend.GenerateAsync(GenerationRequest.Raw("Once upon a time", new() { MaxTokens = 8 }));

        Assert.Equal(8, completion.CompletionTokens);
    }

    [Fact]
    public void Loading_a_different_native_library_in_the_same_process_is_refused()
    {
        // Given the bundled CPU library is loaded
        NativeLibrarySetup.Ensure(LlamaDevice.Cpu);
        using var dir = new TempDir();
        dir.Write(OperatingSystem.IsWindows() ? "llama.dll" : "libllama.so", "");

        // When a user-supplied build is asked for
        var error = Assert.Throws<EvalKitException>(() => NativeLibrarySetup.Ensure(LlamaDevice.Cpu, dir.Path));

        Assert.Contains("already loaded", error.Message);
        Assert.Contains(dir.Path, error.Message);
    }

    [Fact]
    public void Model_info_describes_file_backend_and_settings()
    {
        var info = model.Backend.Info;

        Assert.Equal("stories260K", info.Name);
        Assert.Equal("llama.cpp", info.Backend);
        Assert.Equal(SharedAssets.Stories260K, info.Source);
        Assert.Equal("270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d", info.Sha256);
        Assert.Equal("1", info.Details["threads"]);
        Assert.Equal("512", info.Details["context_size"]);
        Assert.Equal("0", info.Details["gpu_layers"]);
        Assert.Equal("cpu", info.Details["device"]);
        Assert.StartsWith("cpu-", info.Details["native_library"]);
        Assert.Equal("292800", info.Details["n_params"]);
        Assert.Equal("512", info.Details["vocab_size"]);
        Assert.StartsWith("no", info.Details["chat_template"]);
        Assert.Equal("llama", info.Details["architecture"]);
    }

    [Theory]
    [InlineData(0, 512)]
    [InlineData(1, 0)]
    public async Task Invalid_threads_or_context_size_is_rejected_before_loading(int threads, int contextSize)
    {
        var options = StoriesModelFixture.Options with { Threads = threads, ContextSize = contextSize };

        var error = await Assert.ThrowsAsync<EvalKitException>(() => LlamaBackend.LoadAsync(options));

        Assert.StartsWith("Invalid llama.cpp option", error.Message);
    }
}
