using EvalKit.Core.Backends;
using EvalKit.Llama.Tests.Backend;

namespace EvalKit.Llama.Tests.LogLikelihood;

/// <summary>Loads stories260K (one thread) for whatever model spec the runner asks for.</summary>
internal sealed class StoriesBackendFactory : IBackendFactory
{
    public IReadOnlyList<string> Check(ModelSpec spec) => [];

    public async Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken) =>
        await LlamaBackend.LoadAsync(StoriesModelFixture.Options with { Name = spec.Name }, cancellationToken);
}
