using System.Collections.Concurrent;
using EvalKit.Core.Backends;

namespace EvalKit.Core.Tests.Running;

/// <summary>
/// An in-memory backend that takes overlapping requests: each request stays open
/// until the test releases its prompt, and the most requests ever open at once is recorded. The real thing, an
/// endpoint over HTTP, is proven in the Remote tests.
/// </summary>
internal sealed class ScriptedOverlappingBackend(string name) : IModelBackend
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, TaskCompletionSource<string>> _answers = [];
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _asked = new();
    private int _open;

    public ModelInfo Info { get; } = new() { Name = name, Backend = "scripted", Source = "memory:" + name };

    public int MostOpen { get; private set; }

    public int Open
    {
        get
        {
            lock (_lock)
                return _open;
        }
    }

    /// <summary>Ends the request for <paramref name="prompt"/> (now or when it comes) with <paramref name="answer"/>; null fails it.</summary>
    public void Release(string prompt, string? answer)
    {
        var pending = Pending(prompt);
        if (answer is null)
            pending.TrySetException(new InvalidOperationException("scripted failure for " + prompt));
        else
            pending.TrySetResult(answer);
    }

    /// <summary>Completes once a request for <paramref name="prompt"/> has been sent.</summary>
    public TaskCompletionSource Asked(string prompt) => _asked.GetOrAdd(prompt, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));

    public async Task<Completion> GenerateAsync(GenerationRequest request, CancellationToken cancellationToken = default)
    {
        var prompt = request.Prompt!;
        lock (_lock)
            MostOpen = Math.Max(MostOpen, ++_open);
        try
        {
            Asked(prompt).TrySetResult();
            var text = await Pending(prompt).Task.WaitAsync(cancellationToken);
            return new Completion
            {
                Text = text,
                PromptTokens = 1,
                CompletionTokens = 1,
                TimeToFirstToken = TimeSpan.FromMilliseconds(1),
                TotalTime = TimeSpan.FromMilliseconds(2),
                FinishReason = FinishReason.Stop,
                RenderedPrompt = prompt,
            };
        }
        finally
        {
            lock (_lock)
                _open--;
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private TaskCompletionSource<string> Pending(string prompt)
    {
        lock (_lock)
        {
            if (!_answers.TryGetValue(prompt, out var pending))
                _answers[prompt] = pending = new(TaskCreationOptions.RunContinuationsAsynchronously);
            return pending;
        }
    }
}
