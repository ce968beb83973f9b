using EvalKit.Core.Backends;

namespace EvalKit.Remote.Tests;

/// <summary>Loads each model of a run with a test's own function (the CLI's registry is not referenced here).</summary>
internal sealed class TestBackendFactory(Func<ModelSpec, Task<IModelBackend>> load) : IBackendFactory
{
    public IReadOnlyList<string> Check(ModelSpec spec) => [];

    public Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken) => load(spec);
}
