using EvalKit.Core.Backends;

namespace EvalKit.Core.Tests.Running;

/// <summary>
/// An in-memory backend that answers from a script (prompt → answer, or "prompt#seed" → answer for one seed)
/// to pin down runner logic. Every
/// user-visible behaviour is also proven through the real llama.cpp backend in the Llama and CLI tests.
/// </summary>
internal sealed class ScriptedBackend(string name, IReadOnlyDictionary<string, string> answers) : IModelBackend
{
    public const string Crash = "<crash>";

    public ModelInfo Info { get; } = new() { Name = name, Backend = "scripted", Source = "memory:" + name };

    public int Calls => Requests.Count;

    public List<GenerationRequest> Requests { get; } = [];

    public bool Disposed { get; private set; }

    public Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Add(request);
        var key = request.Prompt ?? request.Messages!.Last().Content;
        var text = answers.TryGetValue($"{key}#{request.Parameters.Seed}", out var seeded) ? seeded
            : answers.TryGetValue(key, out var answer) ? answer : "";
        if (text == Crash)
            throw new InvalidOperationException("scripted failure for " + key);
        return Task.FromResult(new Completion
        {
            Text = text,
            PromptTokens = key.Length,
            CompletionTokens = text.Length,
            TimeToFirstToken = TimeSpan.FromMilliseconds(1),
            TotalTime = TimeSpan.FromMilliseconds(2),
            FinishReason = FinishReason.Stop,
            RenderedPrompt = key,
        });
    }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
