using EvalKit.Core.Backends;

namespace EvalKit.Core.Tests.Running;

internal sealed class ScriptedBackendFactory(Dictionary<string, IModelBackend> backends) : IBackendFactory
{
    public List<string> Loaded { get; } = [];

    public IReadOnlyList<string> Check(ModelSpec spec) =>
        backends.ContainsKey(spec.Source) ? [] : [$"no scripted model '{spec.Source}'"];

    public Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken)
    {
        Loaded.Add(spec.Name);
        return Task.FromResult(backends[spec.Source]);
    }
}
