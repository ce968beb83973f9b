namespace EvalKit.Core.Backends;

/// <summary>Turns a <see cref="ModelSpec"/> into a loaded backend. The CLI registers one per backend kind.</summary>
public interface IBackendFactory
{
    /// <summary>Cheap checks before anything expensive is loaded (file exists, scheme known); empty when fine.</summary>
    IReadOnlyList<string> Check(ModelSpec spec);

    Task<IModelBackend> LoadAsync(ModelSpec spec, CancellationToken cancellationToken);
}
