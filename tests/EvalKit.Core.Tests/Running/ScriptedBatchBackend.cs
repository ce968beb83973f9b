using EvalKit.Core.Backends;

namespace EvalKit.Core.Tests.Running;

/// <summary>
/// A <see cref="ScriptedBackend"/> that also takes batches, recording their sizes, to pin down how the runner groups
/// cases; a batch holding a crashing prompt fails whole. The real batching is proven on llama.cpp in the Llama tests.
/// </summary>
internal sealed class ScriptedBatchBackend(string name, IReadOnlyDictionary<string, string> answers) : IModelBackend, IBatchGeneration
{
    private readonly ScriptedBackend _inner = new(name, answers);

    public ModelInfo Info => _inner.Info;

    public List<int> Batches { get; } = [];

    public int SingleCalls => _inner.Calls;

    public Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default) =>
        _inner.GenerateAsync(request, cancellationToken);

    public async Task<IReadOnlyList<Completion>> GenerateBatchAsync(IReadOnlyList<GenerationRequest> requests, CancellationToken cancellationToken = default)
    {
        Batches.Add(requests.Count);
        if (requests.Any(r => answers.GetValueOrDefault(r.Prompt ?? "") == ScriptedBackend.Crash))
            throw new InvalidOperationException("scripted batch failure");
        var completions = new List<Completion>();
        foreach (var request in requests)
            completions.Add(await new ScriptedBackend(name, answers).GenerateAsync(request, cancellationToken));
        return completions;
    }

    public ValueTask DisposeAsync() => _inner.DisposeAsync();
}
