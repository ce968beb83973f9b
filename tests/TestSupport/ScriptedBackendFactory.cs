using EvalKit.Core.Backends;
using EvalKit.Core.Caching;
using EvalKit.Core.Requests;

namespace EvalKit.TestSupport;

/// <summary>
/// Hands out in-memory backends by model source, recording each load. With <paramref name="declaresCapabilities"/>
/// it tells the run validator, before loading, which capabilities a backend lacks (as the CLI's registry does for
/// endpoints); without, the runner finds out only once the backend is loaded.
/// </summary>
public sealed class ScriptedBackendFactory(Dictionary<string, IModelBackend> backends, bool declaresCapabilities = false) : IBackendFactory
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

    public string? MissingCapability(ModelSpec spec, BackendCapabilities capability) =>
        declaresCapabilities && backends.TryGetValue(spec.Source, out var backend) && !backend.Capabilities.HasFlag(capability)
            ? $"the {backend.Info.Backend} backend has no '{RequestKinds.Name(capability)}'"
            : null;
}
