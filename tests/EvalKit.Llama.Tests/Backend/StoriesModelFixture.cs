using EvalKit.TestSupport;

namespace EvalKit.Llama.Tests.Backend;

/// <summary>One stories260K model loaded for a whole test class (one thread, 512-token context).</summary>
public sealed class StoriesModelFixture : IAsyncLifetime
{
    public const int ContextSize = 512;

    private LlamaBackend? _backend;

    public LlamaBackend Backend => _backend ?? throw new InvalidOperationException("The fixture is not initialised.");

    public static LlamaModelOptions Options => new(SharedAssets.Stories260K) { Threads = 1, ContextSize = ContextSize };

    public async Task InitializeAsync() => _backend = await LlamaBackend.LoadAsync(Options);

    public async Task DisposeAsync()
    {
        if (_backend is not null)
            await _backend.DisposeAsync();
    }
}
