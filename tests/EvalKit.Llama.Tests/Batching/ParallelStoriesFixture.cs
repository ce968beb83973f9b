using EvalKit.Llama.Tests.Backend;

namespace EvalKit.Llama.Tests.Batching;

/// <summary>stories260K loaded with <see cref="Slots"/> slots, so concurrent requests share one decode loop.</summary>
public sealed class ParallelStoriesFixture : IAsyncLifetime
{
    public const int Slots = 8;

    private LlamaBackend? _backend;

    public LlamaBackend Backend => _backend ?? throw new InvalidOperationException("The fixture is not initialised.");

    public async Task InitializeAsync() => _backend = await LlamaBackend.LoadAsync(StoriesModelFixture.Options with { Parallel = Slots });

    public async Task DisposeAsync()
    {
        if (_backend is not null)
            await _backend.DisposeAsync();
    }
}
