using EvalKit.Core.Backends;

namespace EvalKit.Llama.Tests.Backend;

/// <summary>Loads stories260K (one thread, <paramref name="parallel"/> slots) for whatever model spec the runner asks for.</summary>
internal sealed class StoriesBackendFactory(int parallel = 1) : IBackendFactory
{
    public IReadOnlyList<string> Check(ModelSpec spec) => [];

    public async Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken) =>
        await LlamaBackend.LoadAsync(StoriesModelFixture.Options with { Name = spec.Name, Parallel = parallel }, cancellationToken);
}
