using EvalKit.Core.Backends;

namespace EvalKit.Llama.Tests.Backend;

/// <summary>Loads stories260K (one thread) for whatever model spec the runner asks for.</summary>
internal sealed class StoriesBackendFactory : IBackendFactory
{
    public IReadOnlyList<string> Check(ModelSpec spec) => [];

    public async Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken) =>
        await LlamaBackend.LoadAsync(StoriesModelFixture.Options with { Name = spec.Name }, cancellationToken);
}
