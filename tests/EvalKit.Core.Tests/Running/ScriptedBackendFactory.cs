using EvalKit.Core.Backends;
using EvalKit.Core.Caching;

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

    public Task<string?> IdentityAsync(ModelSpec spec, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(ModelIdentity.Of(backends[spec.Source].Info));
}
